// The attachment check reads bytes, not names: what each family looks like to it.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { attachmentTypeOf, kindOfStoredType } from './complaint-files.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat([
    ...parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
    Buffer.alloc(256),
  ]);

const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0');
const MP3 = bytes('ID3', [0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], [0xff, 0xfb, 0x90, 0x64]);
const WAV = bytes('RIFF', [0x24, 0x08, 0x00, 0x00], 'WAVEfmt ');
const AMR = bytes('#!AMR\n');
const MP4 = bytes([0x00, 0x00, 0x00, 0x18], 'ftypisom', [0x00, 0x00, 0x02, 0x00], 'isomiso2');

describe('attachmentTypeOf', () => {
  it('knows images, audio and video by their magic numbers, whatever the name', async () => {
    expect(await attachmentTypeOf(JPEG, 'x.txt')).toMatchObject({ kind: 'image', mime: 'image/jpeg' });
    expect(await attachmentTypeOf(MP3, 'x.pdf')).toMatchObject({ kind: 'audio', mime: 'audio/mpeg' });
    expect(await attachmentTypeOf(WAV)).toMatchObject({ kind: 'audio' });
    expect(await attachmentTypeOf(AMR, '录音.amr')).toMatchObject({ kind: 'audio', mime: 'audio/amr' });
    expect(await attachmentTypeOf(MP4, '视频.mp4')).toMatchObject({ kind: 'video', mime: 'video/mp4' });
  });

  it('takes an OOXML zip as a document but refuses any other zip', async () => {
    const xlsx = new JSZip();
    xlsx.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    );
    xlsx.file('xl/workbook.xml', '<workbook/>');
    const sheet = await xlsx.generateAsync({ type: 'nodebuffer' });
    expect(await attachmentTypeOf(sheet, 'a.zip')).toMatchObject({ kind: 'document', ext: 'xlsx' });
    const plain = new JSZip();
    plain.file('readme.txt', 'hello');
    expect(await attachmentTypeOf(await plain.generateAsync({ type: 'nodebuffer' }), 'a.docx')).toBeNull();
  });

  it('refuses text, HTML, SVG, programs and nothing at all', async () => {
    for (const content of [
      Buffer.from('罚款收据两张'),
      Buffer.from('<!doctype html><script>alert(1)</script>'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      bytes('MZ', [0x90, 0x00]),
      bytes([0x7f], 'ELF'),
      Buffer.alloc(0),
    ]) {
      expect(await attachmentTypeOf(content, 'x.png'), content.subarray(0, 8).toString('hex')).toBeNull();
    }
  });

  it('labels stored types by family', () => {
    expect(kindOfStoredType('image/png')).toBe('image');
    expect(kindOfStoredType('application/msword')).toBe('document');
    expect(kindOfStoredType('application/x-cfb')).toBe('document');
    expect(kindOfStoredType('application/vnd.ms-asf')).toBe('video');
    expect(kindOfStoredType('text/plain')).toBe('other');
  });
});
