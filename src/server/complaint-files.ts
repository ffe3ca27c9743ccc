// What a complainant may attach: images, PDF, Office/WPS documents, audio and video — decided by
// the file's bytes (its magic numbers, via file-type), never by its name or the type the
// browser claimed. The name only refines the label inside a family the bytes already proved
// (an OLE2 compound file is a .doc, .xls, .ppt or a WPS file: the same container).
import { fileTypeFromBuffer } from 'file-type';

export type AttachmentKind = 'image' | 'pdf' | 'document' | 'audio' | 'video';

export interface AttachmentType {
  kind: AttachmentKind;
  /** The content type sent on download. */
  mime: string;
  ext: string;
}

/** What the refusal says (the field is `file`). */
export const ALLOWED_TYPES_MESSAGE =
  '仅接受图片、PDF、Office/WPS 文档（docx、xlsx、pptx、doc、xls、ppt、wps、et、dps、odt 等）、音频和视频文件';

/** Office documents by file-type's extension: OOXML and OpenDocument (zip), and OLE2 (cfb). */
const DOCUMENTS: Readonly<Record<string, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ppsx: 'application/vnd.openxmlformats-officedocument.presentationml.slideshow',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};

/** Audio and video containers that file-type reports under an application/ type. */
const MEDIA: Readonly<Record<string, AttachmentKind>> = {
  asf: 'video', // .wma, .wmv
  ogx: 'audio',
  rm: 'video', // RealMedia
  mxf: 'video',
};

/** OLE2 compound files by their name: legacy Office and WPS Office (金山 WPS, ET, DPS). */
const COMPOUND_BY_NAME: Readonly<Record<string, string>> = {
  doc: 'application/msword',
  dot: 'application/msword',
  xls: 'application/vnd.ms-excel',
  xlt: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  pps: 'application/vnd.ms-powerpoint',
  wps: 'application/vnd.ms-works',
  wpt: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  ett: 'application/vnd.ms-excel',
  dps: 'application/vnd.ms-powerpoint',
  dpt: 'application/vnd.ms-powerpoint',
};
const COMPOUND_FILE = 'application/x-cfb';

/**
 * Windows Installer packages (.msi, .msp, .mst) are OLE2 compound files too: their root
 * storage's class id is {000C108x-0000-0000-C000-000000000046}. They are programs, not
 * documents.
 */
function isInstallerPackage(b: Buffer): boolean {
  if (b.length < 512) return false;
  const sectorSize = 2 ** b.readUInt16LE(0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return false;
  const firstDirectorySector = b.readUInt32LE(0x30);
  const rootEntry = (firstDirectorySector + 1) * sectorSize;
  const clsid = rootEntry + 0x50;
  if (clsid + 16 > b.length) return false;
  const data1 = b.readUInt32LE(clsid);
  const tail = b.subarray(clsid + 4, clsid + 16).toString('hex');
  return [0x000c1082, 0x000c1084, 0x000c1086].includes(data1) && tail === '00000000c000000000000046';
}

function extensionOf(filename: string): string {
  return filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
}

/** The type of an attachment by its bytes, or null when it is not one a complainant may attach. */
export async function attachmentTypeOf(content: Buffer, filename = ''): Promise<AttachmentType | null> {
  if (content.length === 0) return null;
  let detected: { ext: string; mime: string } | undefined;
  try {
    detected = await fileTypeFromBuffer(content);
  } catch {
    // A damaged container the detector gives up on is no type we accept.
    return null;
  }
  if (!detected) return null;
  const { ext, mime } = detected;
  if (mime.startsWith('image/')) return { kind: 'image', mime, ext };
  if (mime.startsWith('audio/')) return { kind: 'audio', mime, ext };
  if (mime.startsWith('video/')) return { kind: 'video', mime, ext };
  if (MEDIA[ext]) return { kind: MEDIA[ext], mime, ext };
  if (ext === 'pdf') return { kind: 'pdf', mime: 'application/pdf', ext };
  if (DOCUMENTS[ext]) return { kind: 'document', mime: DOCUMENTS[ext], ext };
  if (ext === 'cfb') {
    if (isInstallerPackage(content)) return null;
    const named = extensionOf(filename);
    return COMPOUND_BY_NAME[named]
      ? { kind: 'document', mime: COMPOUND_BY_NAME[named], ext: named }
      : { kind: 'document', mime: COMPOUND_FILE, ext };
  }
  return null;
}

/** The family of a stored type, for the list (attachments kept before the check may be 'other'). */
export function kindOfStoredType(mime: string): AttachmentKind | 'other' {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  if (mime === 'application/pdf') return 'pdf';
  if (
    mime === COMPOUND_FILE ||
    Object.values(DOCUMENTS).includes(mime) ||
    Object.values(COMPOUND_BY_NAME).includes(mime)
  )
    return 'document';
  if (['application/vnd.ms-asf', 'application/vnd.rn-realmedia', 'application/mxf'].includes(mime))
    return 'video';
  if (mime === 'application/ogg') return 'audio';
  return 'other';
}
