import type { SameKeys } from '..';
import type zh from '../zh-CN/public';

export default {
  'pages.public.title': 'Law-enforcement complaints',
  'pages.public.staffLogin': 'Staff login',
  'pages.public.footer':
    'Complaints about enforcement agencies and their staff are handled by the supervision office under the Guizhou Measures',
  'pages.public.home.title': 'Complaints and tracking',
  'pages.public.home.intro':
    'If an enforcement agency or officer acted illegally or improperly, or failed to act when required, you can complain here and track the complaint with its receipt code.',
  'pages.public.home.file': 'File a complaint',
  'pages.public.home.fileDesc': 'Online, anonymity allowed; you get a receipt code',
  'pages.public.home.track': 'Track a complaint',
  'pages.public.home.trackDesc': 'See progress and the reply with your receipt code',
  'pages.public.home.noticeTitle': 'Before you file',
  'pages.public.home.notice1':
    'Please state the facts truthfully, with agency, person, time, place and what happened; false accusations carry legal liability.',
  'pages.public.home.notice2':
    "A named complainant's name and phone are visible only to the case's investigators — nobody else, administrators included.",
  'pages.public.home.notice3':
    'The supervision office usually decides within 10–15 working days whether to open a case; if it does not, a named complainant can read the reasons.',
  'pages.public.home.notice4': 'The receipt code is the only way to track the complaint: keep it safe.',
  'pages.public.complaint.title': 'File a complaint',
  'pages.public.complaint.intro':
    'Fields marked * are required. Photos and receipts can be uploaded after filing.',
  'pages.public.complaint.agency': 'Agency complained about',
  'pages.public.complaint.agencyHint':
    'If you are not sure which agency, leave it empty; the supervision office will decide.',
  'pages.public.complaint.agencyPlaceholder': 'Select (type to search)',
  'pages.public.complaint.officer': 'Officer',
  'pages.public.complaint.officerPlaceholder': 'Name or certificate number, if known',
  'pages.public.complaint.subject': 'Subject',
  'pages.public.complaint.subjectPlaceholder': 'In one line, e.g. "fined twice for the same offence"',
  'pages.public.complaint.subjectMin': 'At least 2 characters',
  'pages.public.complaint.narrative': 'What happened',
  'pages.public.complaint.narrativePlaceholder':
    'Time, place, what happened, and what you consider illegal or improper',
  'pages.public.complaint.narrativeMin': 'At least {n} characters',
  'pages.public.complaint.occurredOn': 'Date',
  'pages.public.complaint.occurredOnPlaceholder': 'Pick a date (optional)',
  'pages.public.complaint.anonymous': 'Anonymous',
  'pages.public.complaint.anonymousOn':
    'No name or phone needed; you can still track the complaint, but nobody can contact you.',
  'pages.public.complaint.anonymousOff':
    'Investigators can contact you to verify the facts, and you can read the reasons if no case is opened.',
  'pages.public.complaint.contactName': 'Your name',
  'pages.public.complaint.contactPhone': 'Phone',
  'pages.public.complaint.phoneInvalid': 'Please enter a valid phone number',
  'pages.public.complaint.privacy':
    'Your name, phone and ID number are stored encrypted and visible only to the investigators of the case.',
  'pages.public.complaint.contactIdNumber': 'ID card number (optional)',
  'pages.public.complaint.contactIdNumberHint': 'Helps to verify who you are and to join your complaints',
  'pages.public.complaint.idNumberInvalid': 'Please enter a valid 18-character ID card number',
  'pages.public.complaint.attachmentsLater':
    'After filing you get a receipt code and can upload photos or receipts (up to 5, 10 MB each).',
  'pages.public.complaint.submit': 'Submit',
  'pages.public.receipt.title': 'Complaint filed',
  'pages.public.receipt.subtitle': 'The supervision office will review it',
  'pages.public.receipt.code': 'Receipt code',
  'pages.public.receipt.copy': 'Copy the code',
  'pages.public.receipt.copied': 'Receipt code copied',
  'pages.public.receipt.copyManually': 'Press and hold to copy the code',
  'pages.public.receipt.keepTitle': 'Keep this code',
  'pages.public.receipt.keep':
    'The receipt code is the only way to track your complaint and will not be shown again. Copy it, take a screenshot or write it down.',
  'pages.public.receipt.attachments': 'Attachments',
  'pages.public.receipt.attachmentsHint':
    'Photos, receipts or documents (images, PDF, Word/Excel/PowerPoint or WPS documents, audio, video): up to {n}, 10 MB each.',
  'pages.public.receipt.upload': 'Upload attachment',
  'pages.public.receipt.tooLarge': '"{name}" is larger than 10 MB',
  'pages.public.receipt.track': 'Track progress',
  'pages.public.receipt.another': 'File another complaint',
  'pages.public.track.title': 'Track a complaint',
  'pages.public.track.intro': 'Enter the 16-character receipt code you got when filing.',
  'pages.public.track.placeholder': '16 letters and digits',
  'pages.public.track.invalid': 'A receipt code has 16 letters and digits',
  'pages.public.track.empty': 'Enter a receipt code to search',
  'pages.public.track.notFound': 'Receipt code not found',
  'pages.public.track.notFoundHint': 'Please check the code (it never contains I, L, O or U).',
  'pages.public.track.status': 'Status',
  'pages.public.track.step.received': 'Received',
  'pages.public.track.step.review': 'Review',
  'pages.public.track.step.investigating': 'Investigation',
  'pages.public.track.step.decided': 'Decision',
  'pages.public.track.step.closed': 'Closed',
  'pages.public.track.step.notOpened': 'No case opened',
  'pages.public.track.step.merged': 'Handled with a related complaint',
  'pages.public.track.reply': 'Reply',
  'pages.public.track.reasons': 'Reasons for not opening a case',
  'pages.public.track.filedOn': 'Filed on',
  'pages.public.track.caseNumber': 'Case number',
  'pages.public.track.noCase': 'No case yet',
  'pages.public.track.attachments': '{n}',
} satisfies SameKeys<typeof zh>;
