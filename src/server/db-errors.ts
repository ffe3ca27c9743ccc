// Database errors that input can still cause when a route did not check something first (a
// foreign key, a unique key, a check constraint, a value out of a column's range): answered as
// bad input (400) or a conflict (409) naming the field; the database's own text goes to the log
// only, never to the client.
import type { FieldError } from '../core/validation.js';

interface DatabaseError {
  code: string;
  detail?: string;
  column?: string;
  constraint?: string;
  table?: string;
}

/** An error raised by PostgreSQL (node-postgres or PGlite): a five-character SQLSTATE. */
export function isDatabaseError(e: unknown): e is DatabaseError {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as Record<string, unknown>;
  return typeof x.code === 'string' && /^[0-9A-Z]{5}$/.test(x.code) && 'severity' in x;
}

const camel = (column: string) => column.trim().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The columns named by the error: its column, the key of its detail, or its constraint's name. */
function columnsOf(e: DatabaseError): string[] {
  if (e.column) return [camel(e.column)];
  const key = e.detail?.match(/^Key \(([^)]*)\)/);
  if (key) return key[1].split(',').map(camel);
  if (e.constraint) {
    // Constraint names are <table>_<column>_(check|fkey|key); the table prefix is not the field.
    const bare = e.constraint.replace(/_(check|fkey|key|pkey|excl)$/, '');
    const table = e.table ? `${e.table}_` : '';
    return [camel(table && bare.startsWith(table) ? bare.slice(table.length) : bare)];
  }
  return ['(root)'];
}

function fields(e: DatabaseError, message: string): FieldError[] {
  return columnsOf(e).map((path) => ({ path, message }));
}

export interface ClientError {
  status: 400 | 409;
  message: string;
  fields?: FieldError[];
}

const err = (status: 400 | 409, message: string, f?: FieldError[]): ClientError => ({
  status,
  message,
  fields: f,
});

/** The answer to a database error caused by the request's data; null for a server fault. */
export function clientErrorOfDatabase(e: DatabaseError): ClientError | null {
  const { code } = e;
  if (code === '23503') {
    if (/still referenced/.test(e.detail ?? ''))
      return err(409, '该对象仍被其他记录引用', fields(e, '仍被引用'));
    return err(400, '引用的对象不存在', fields(e, '引用的对象不存在'));
  }
  if (code === '23505') return err(409, '与已有记录重复', fields(e, '已存在'));
  if (code === '23502') return err(400, '请求数据无效', fields(e, '不能为空'));
  if (code === '23514' || code === '23P01') return err(400, '请求数据无效', fields(e, '不符合取值要求'));
  if (code === '22001' || code === '54000') return err(400, '请求数据无效', fields(e, '内容过长'));
  if (code === '22003') return err(400, '请求数据无效', fields(e, '数值超出范围'));
  if (code === '22007' || code === '22008') return err(400, '请求数据无效', fields(e, '日期超出范围'));
  if (code === '22021' || code === '22P05' || code === '22P02' || code === '22025')
    return err(400, '请求数据无效', fields(e, '含有无效的字符或格式'));
  if (code.startsWith('22') || code.startsWith('23')) return err(400, '请求数据无效', fields(e, '无效'));
  if (code === '40001' || code === '40P01') return err(409, '数据正被他人同时修改，请重试');
  return null;
}
