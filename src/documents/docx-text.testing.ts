// Reading a rendered .docx back in tests: its parts and its text, one line per paragraph.
import JSZip from 'jszip';

export async function openDocx(docx: Buffer): Promise<JSZip> {
  return JSZip.loadAsync(docx);
}

export async function docxPart(docx: Buffer, path: string): Promise<string> {
  const file = (await openDocx(docx)).file(path);
  if (!file) throw new Error(`no ${path} in the package`);
  return file.async('string');
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

/** The text of word/document.xml, one line per paragraph. */
export async function documentText(docx: Buffer): Promise<string> {
  const xml = await docxPart(docx, 'word/document.xml');
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join(''))
    .join('\n');
}
