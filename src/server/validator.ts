// The request validator: zod's (fastify-type-provider-zod), preceded by one check over every
// string of the body, query, params and headers, whatever the route's schema says of it — a NUL
// byte or a lone surrogate is bad input anywhere (400 naming the field), never a database error.
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidatorCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { unsafeTextFields, ValidationError } from '../core/validation.js';

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  return (data) => {
    const unsafe = unsafeTextFields(data);
    if (unsafe.length > 0) return { error: new ValidationError('请求数据无效', unsafe) };
    return validate(data);
  };
};
