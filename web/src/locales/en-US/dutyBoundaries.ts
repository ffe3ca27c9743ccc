import type { SameKeys } from '..';
import type zh from '../zh-CN/dutyBoundaries';

export default {
  'pages.duties.view.boundaries': 'Boundary list',
  'pages.duties.boundary.status': 'Status',
  'pages.duties.boundary.handle': 'Handle',
  'pages.duties.boundary.state.open': 'To handle',
  'pages.duties.boundary.state.referred': 'Referred to the establishment office',
  'pages.duties.boundary.state.reopened': 'The boundary does not name a new lead agency',
  'pages.duties.boundary.referredLine':
    'Referred to {to} on {on} ({number}); the present split stands meanwhile',
  'pages.duties.boundary.uncovered': 'Not named: {agencies}',
  'pages.duties.boundary.settled': '{n} settled by the boundary list',
  'pages.duties.boundary.action.resolve': 'Name the lead agency',
  'pages.duties.boundary.action.refer': 'Refer to the establishment office',
  'pages.duties.boundary.actionDone': 'Done: {action}',
  'pages.duties.boundary.resolveHint':
    '“{name}”: choose the lead agency; the others assist. It enters the boundary list with its legal ground and leaves the worklist from the day it takes effect.',
  'pages.duties.boundary.referHint':
    '“{name}”: ask the establishment office to decide. The present split stands meanwhile; the overlap shows as referred.',
  'pages.duties.boundary.lead': 'Lead agency',
  'pages.duties.boundary.assisting': 'Assisting agencies',
  'pages.duties.boundary.ground': 'Legal ground',
  'pages.duties.boundary.groundHint':
    'E.g. the establishment office’s opinion, minutes of the government’s executive meeting, a normative document and its article',
  'pages.duties.boundary.validFrom': 'In force from',
  'pages.duties.boundary.validFromHint': 'Today if empty; not before today',
  'pages.duties.boundary.number': 'Referral number',
  'pages.duties.boundary.referredOn': 'Referred on',
  'pages.duties.boundary.referredTo': 'Referred to',
  'pages.duties.boundary.establishmentOffice': 'Establishment office',
  'pages.duties.boundary.note': 'Note',
  'pages.duties.boundary.decidedBy': 'Decided by',
  'pages.duties.boundary.kind.boundary': 'Boundaries',
  'pages.duties.boundary.kind.referral': 'Referred, pending',
  'pages.duties.boundary.hint.boundary':
    'Where several agencies led one power: the lead agency, the assisting ones and the legal ground, as in force on the chosen day.',
  'pages.duties.boundary.hint.referral':
    'Overlaps referred to the establishment office and not yet settled; the present split stands meanwhile.',
  'pages.duties.boundary.search': 'Search name, code, ground or referral number',
  'pages.duties.boundary.export': 'Download CSV',
  'pages.duties.boundary.empty.boundary': 'No boundary in force on that day',
  'pages.duties.boundary.empty.referral': 'Nothing referred and pending',
} satisfies SameKeys<typeof zh>;
