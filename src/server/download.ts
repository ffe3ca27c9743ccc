// Files as downloads: the type is decided by the bytes (never by what the uploader claimed: a
// "picture" that is HTML must not run in the console's origin), and always as an attachment.
import { isUtf8 } from 'node:buffer';
import type { FastifyReply } from 'fastify';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);

/** The content type of a file by its first bytes (and, for ZIP containers, its name). */
export function contentTypeOf(content: Buffer, filename = ''): string {
  const ext = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (startsWith(content, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(content, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === 'docx') return DOCX_TYPE;
    if (ext === 'xlsx') return XLSX;
    return 'application/zip';
  }
  // Text only when it is UTF-8 without NULs, and then as plain text (never HTML or SVG).
  const head = content.subarray(0, 64 * 1024);
  if (content.length > 0 && !head.includes(0) && isUtf8(content)) return 'text/plain; charset=utf-8';
  return 'application/octet-stream';
}

/** `Content-Disposition: attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'download';
  // RFC 5987 attr-chars only: encodeURIComponent leaves ' ( ) * as they are.
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A stored file (evidence, a document) as a download: its bytes as `type`, its name, its SHA-256. */
export function sendStoredFile<R extends FastifyReply>(
  reply: R,
  f: { filename: string; sha256: string; content: Buffer },
  type = contentTypeOf(f.content, f.filename),
): R {
  return reply
    .type(type)
    .header('content-disposition', attachment(f.filename))
    .header('x-content-sha256', f.sha256)
    .send(f.content) as R;
}
