import type { SameKeys } from '..';
import type zh from '../zh-CN/attachments';

export default {
  'attachments.title': 'Complaint attachments',
  'attachments.none': 'The complainant attached no files',
  'attachments.hint': 'Every download is written to the audit log.',
  'attachments.download': 'Download (written to the audit log)',
  'attachments.forbidden':
    "A complaint's attachments are shown only to the region's supervision office and the case's investigators",
  'attachments.kind.image': 'Image',
  'attachments.kind.pdf': 'PDF',
  'attachments.kind.document': 'Document',
  'attachments.kind.audio': 'Audio',
  'attachments.kind.video': 'Video',
  'attachments.kind.other': 'Other',
  'history.action.attachment.download': 'Downloaded a complaint attachment',
} satisfies SameKeys<typeof zh>;
