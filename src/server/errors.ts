// One error shape for every failure: { error: { message, fields? } }. Bad input is 400
// naming the field; nothing ever leaks a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyServerOptions } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type FieldError, formatPath, ValidationError } from '../core/validation.js';
import { clientErrorOfDatabase, isDatabaseError } from './db-errors.js';

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

/** What a client is told of a library's refusal, by its error code. */
const CLIENT_ERROR_MESSAGES: Record<string, string> = {
  FST_ERR_VALIDATION: '请求数据无效',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求长度与内容不符',
  FST_INVALID_MULTIPART_CONTENT_TYPE: '请以 multipart/form-data 上传',
  FST_PROTO_VIOLATION: '请求数据无效',
  FST_FILES_LIMIT: '上传的文件过多',
  FST_FIELDS_LIMIT: '上传的字段过多',
  FST_PARTS_LIMIT: '上传的内容过多',
  FST_NO_FORM_DATA: '请以 multipart/form-data 上传',
  FST_MP_PREMATURE_CLOSE: '上传未完成',
  FST_INVALID_JSON_FIELD_ERROR: '请求数据无效',
  FST_REQ_FILE_TOO_LARGE: '上传的文件过大',
};

const MULTIPART_PARSER_ERROR = /^Multipart: |unexpected end of multipart data|^Malformed part header/i;

function clientErrorMessage(status: number): string {
  if (status === 404) return '未找到';
  if (status === 405) return '不支持的请求方法';
  if (status === 413) return '请求内容过大';
  if (status === 415) return '不支持的内容类型';
  return '请求无效';
}

/** Fastify's router refusals (a URL that does not decode, a parameter over its length). */
export const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (err, req, reply) => {
  req.log.info({ err }, 'request refused by the router');
  void (reply as FastifyReply)
    .code(400)
    .send(errorBody('请求地址无效', [{ path: '(url)', message: '地址无法解析或参数过长' }]));
};

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
    if (isDatabaseError(err)) {
      const answer = clientErrorOfDatabase(err);
      if (answer) {
        req.log.warn({ err }, 'the database refused the request data');
        return reply.code(answer.status).send(errorBody(answer.message, answer.fields));
      }
    }
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
    // The multipart parser's failures (no boundary, a truncated body) are plain errors: the client's.
    if (status === 500 && req.isMultipart?.() && MULTIPART_PARSER_ERROR.test(err.message)) {
      req.log.info({ err }, 'malformed multipart request');
      return reply
        .code(400)
        .send(errorBody('上传内容格式无效', [{ path: 'file', message: 'multipart 数据不完整或格式错误' }]));
    }
    if (status >= 400 && status < 500) {
      // A library's own words (Fastify, multipart, a parser) stay in the log.
      req.log.info({ err }, 'request refused');
      return reply
        .code(status)
        .send(errorBody(CLIENT_ERROR_MESSAGES[err.code] ?? clientErrorMessage(status)));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('服务器内部错误'));
  });
}
