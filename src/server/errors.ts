// One error shape for every failure: { error: { message, fields? } }. Bad input is 400
// naming the field; nothing ever leaks a stack trace.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type FieldError, formatPath, ValidationError } from '../core/validation.js';

export class HttpError extends Error {
  readonly status: number;
  readonly fields?: FieldError[];
  constructor(status: number, message: string, fields?: FieldError[]) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

export const notFound = (what = '对象') => new HttpError(404, `${what}不存在或无权查看`);
export const forbidden = (message = '无权执行此操作') => new HttpError(403, message);
export const conflict = (message = '数据已被他人修改，请刷新后重试') => new HttpError(409, message);

export function errorBody(message: string, fields?: FieldError[]) {
  return { error: fields && fields.length > 0 ? { message, fields } : { message } };
}

function pathFromPointer(pointer: string): string {
  const parts = pointer
    .split('/')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return formatPath(parts);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: pathFromPointer(v.instancePath),
        message: v.message ?? '无效',
      }));
      return reply.code(400).send(errorBody('请求数据无效', fields));
    }
    if (err instanceof ValidationError) return reply.code(400).send(errorBody(err.message, err.fields));
    if (err instanceof HttpError) return reply.code(err.status).send(errorBody(err.message, err.fields));
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.code(500).send(errorBody('服务器内部错误'));
    }
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(errorBody('请求内容过大'));
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(415).send(errorBody('不支持的内容类型'));
    if (
      err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      err instanceof SyntaxError
    ) {
      return reply
        .code(400)
        .send(errorBody('请求体不是有效的 JSON', [{ path: '(root)', message: 'invalid JSON' }]));
    }
    if (status === 429) return reply.code(429).send(errorBody('请求过于频繁，请稍后再试'));
    if (status >= 400 && status < 500) return reply.code(status).send(errorBody(err.message));
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('服务器内部错误'));
  });
}
