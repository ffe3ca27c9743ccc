// The one file of an upload route (multipart/form-data, field `file`), checked before its bytes are
// read: the request's form, the field, and the kind of file by its name.
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

/**
 * The uploaded file, at most `maxBytes` (the route reads it and answers 413 past that): 400 naming
 * `file` when the request is not multipart, carries no file, or one whose name `types` does not
 * accept (`typeMessage`; its bytes are discarded).
 */
export async function uploadedFile(
  req: FastifyRequest,
  o: { types: RegExp; typeMessage: string; maxBytes: number },
): Promise<MultipartFile> {
  if (!req.isMultipart())
    throw new HttpError(400, '请以 multipart/form-data 上传文件', [{ path: 'file', message: '缺少文件' }]);
  const file = await req.file({ limits: { fileSize: o.maxBytes, files: 1 } });
  if (file?.fieldname !== 'file')
    throw new HttpError(400, '缺少文件', [{ path: 'file', message: '缺少文件' }]);
  if (!o.types.test(file.filename)) {
    file.file.resume();
    throw new HttpError(400, '不支持的文件类型', [{ path: 'file', message: o.typeMessage }]);
  }
  return file;
}
