import type { SameKeys } from '..';
import type zh from '../zh-CN/auditLog';

export default {
  'menu.auditLog': 'Audit log',
  'pages.auditLog.title': 'Audit log',
  'pages.auditLog.intro':
    'Every operation in the system (who, when, on what, what), hash-chained against tampering and kept at least six months. Only the audit administrator reads and exports it.',
  'pages.auditLog.actor': 'Actor',
  'pages.auditLog.action': 'Action',
  'pages.auditLog.actionHint': 'e.g. auth.login; ending in "." means a family, e.g. auth.',
  'pages.auditLog.objectType': 'Object type',
  'pages.auditLog.objectId': 'Object id',
  'pages.auditLog.period': 'Dates',
  'pages.auditLog.at': 'Time',
  'pages.auditLog.region': 'Region',
  'pages.auditLog.detail': 'Detail',
  'pages.auditLog.search': 'Search',
  'pages.auditLog.reset': 'Reset',
  'pages.auditLog.exportCsv': 'Export CSV',
  'pages.auditLog.exportXlsx': 'Export Excel',
  'pages.auditLog.exportNote':
    'Exports follow the current filter; exporting is itself recorded in the audit log',
  'pages.auditLog.system': 'system',
  'pages.auditLog.verify': 'Verify integrity',
  'pages.auditLog.verifyHint':
    'Recomputes the whole hash chain with the audit key and checks it against the signed anchors; the check is itself recorded in the audit log',
  'pages.auditLog.verifying': 'Recomputing the hash chain row by row; a long log takes a while…',
  'pages.auditLog.verifyOk': '{n} rows checked, the hash chain is intact',
  'pages.auditLog.verifyAnchor': 'It matches the anchor signed at {at} (row {seq}).',
  'pages.auditLog.verifyNoAnchor':
    'No signed anchor yet (the server signs them while it runs, or run wenze audit anchor).',
  'pages.auditLog.verifyFailed': 'The hash chain is broken',
  'pages.auditLog.verifyBroken': 'First row that does not match: row {id} ({at})',
  'pages.auditLog.verifyBrokenGone': 'First row that does not match: row {id} (the row no longer exists)',
  'pages.auditLog.verifyChecked': 'The {n} rows before it are intact.',
  'pages.auditLog.verifyShow': 'Show row {id} in the table',
  'pages.auditLog.verifyAnchorErrors': 'The anchor file has invalid lines:',
  'pages.auditLog.verifyAnchorLine': 'line {line}: {reason}',
  'pages.auditLog.verifiedAt': 'Checked at {at}',
  'pages.auditLog.maxId': 'id ≤ {id}',
} satisfies SameKeys<typeof zh>;
