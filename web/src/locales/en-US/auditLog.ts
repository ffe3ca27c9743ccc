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
} satisfies SameKeys<typeof zh>;
