// The parts of the .docx package that `docx` writes with the clock or without the fonts' fallbacks:
// the font table (each Chinese font with the font Word and LibreOffice use when it is not installed),
// the core properties (dated by the model, not by the clock), and the zip entries' times.

/** A font of the documents and the font used when it is missing. */
export interface FontEntry {
  name: string;
  altName: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  pitch: 'fixed' | 'variable' | 'default';
  /** Character set: '86' is GB2312, '00' ANSI. */
  charset: string;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function fontTableXml(fonts: readonly FontEntry[]): string {
  const body = fonts
    .map(
      (f) =>
        `<w:font w:name="${escapeXml(f.name)}"><w:altName w:val="${escapeXml(f.altName)}"/>` +
        `<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
  return `${HEAD}<w:fonts xmlns:w="${W}" xmlns:r="${R}">${body}</w:fonts>`;
}

/** A valid ISO timestamp from the model's, or the DOS epoch when it is not one. */
export function timestamp(iso: string): Date {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1980 || d.getUTCFullYear() > 2099
    ? new Date(Date.UTC(1980, 0, 1))
    : d;
}

export function corePropertiesXml(p: { title: string; subject: string; creator: string; at: Date }): string {
  const at = `${p.at.toISOString().slice(0, 19)}Z`;
  return (
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title><dc:subject>${escapeXml(p.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(p.creator)}</dc:creator><cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Sets the modification time of every entry of a zip (in its local and central headers) to `at`, in
 * place, so that the archive depends on its contents only. Throws when the buffer is not a zip.
 */
export function stampZip(zip: Buffer, at: Date): Buffer {
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const date = ((at.getUTCFullYear() - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate();
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== EOCD) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let pos = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(pos) !== CENTRAL) throw new Error(`not a zip archive: bad central header ${i}`);
    zip.writeUInt16LE(time, pos + 12);
    zip.writeUInt16LE(date, pos + 14);
    const local = zip.readUInt32LE(pos + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`not a zip archive: bad local header ${i}`);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    pos += 46 + zip.readUInt16LE(pos + 28) + zip.readUInt16LE(pos + 30) + zip.readUInt16LE(pos + 32);
  }
  return zip;
}
