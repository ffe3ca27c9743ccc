import type { SameKeys } from '..';
import type zh from '../zh-CN/corrections';

export default {
  'enums.measureState.open': 'Being corrected',
  'enums.measureState.reported': 'Reported done',
  'enums.measureState.cleared': 'Re-check passed',
  'enums.measureState.recurred': 'Recurred on re-check',
  'enums.correctionSource.tolerance': 'Correction after tolerance',
  'enums.correctionSource.finding': 'Rectification of a finding',
  'pages.corrections.action.report': 'Report the correction',
  'pages.corrections.action.recheck': 'Re-check',
  'history.action.correction.create': 'Set the measure',
  'history.action.correction.report': 'Reported the correction',
  'history.action.correction.recheck': 'Re-checked',
  'pages.tolerance.view.corrections': 'Correction measures',
  'pages.corrections.detail': 'Correction measure',
  'pages.corrections.overdue': 'Overdue',
  'pages.corrections.signed': '{by} · {on}',
  'pages.corrections.field.measure': 'Measure',
  'pages.corrections.field.rectification': 'Rectification',
  'pages.corrections.field.source': 'Source',
  'pages.corrections.field.agency': 'Agency',
  'pages.corrections.field.officer': 'Officer',
  'pages.corrections.field.responsible': 'Responsible',
  'pages.corrections.field.dueOn': 'Due',
  'pages.corrections.field.since': 'Set on',
  'pages.corrections.field.rules': 'Detection rules re-checked',
  'pages.corrections.field.faults': 'Fault items re-checked',
  'pages.corrections.field.state': 'Status',
  'pages.corrections.field.note': 'What was done',
  'pages.corrections.field.actId': 'Act',
  'pages.corrections.field.rule': 'Rule',
  'pages.corrections.field.occurredOn': 'Occurred on',
  'pages.corrections.field.recurrences': 'Recurrences',
  'pages.corrections.sourceApplication': 'Tolerance application {number}',
  'pages.corrections.sourceAct': 'Act {id}',
  'pages.corrections.recheckDue': 'Re-check due measures',
  'pages.corrections.recheckDueConfirm':
    'Re-check every measure of your jurisdiction that is due and not yet re-checked?',
  'pages.corrections.recheckDueHint':
    "Each measure's rules or fault items are checked against the agency's (officer's) acts since it was set; a recurrence becomes a lead. Due measures are also re-checked every night.",
  'pages.corrections.recheckDueResult':
    '{checked} due measures re-checked: {cleared} passed, {recurred} recurred and became leads',
  'pages.corrections.recheckDueNone': 'No measure is due for re-checking',
  'pages.corrections.empty': 'No correction measures yet',
  'pages.corrections.emptyTab': 'No measures that are {state}',
  'pages.corrections.emptyOffice':
    'The supervision office sets measures: for an application decided exempt or mitigated, with “Set a correction measure” on the application; for a detected fault, open the act under Supervision → Acts and use “Set a rectification” on its finding. The agency reports the measure done; when it falls due, it is re-checked for recurrence.',
  'pages.corrections.emptyAgency':
    'No measures for your agency. Measures the supervision office sets for a tolerated or a detected fault are listed here; once done, open the measure and report it.',
  'pages.corrections.emptyOfficer': 'No measures concern you.',
  'pages.corrections.lead': 'Became a lead',
  'pages.corrections.leadOpen': 'Open the lead',
  'pages.corrections.report': 'Report',
  'pages.corrections.notReported': 'Not reported yet',
  'pages.corrections.recheck': 'Re-check',
  'pages.corrections.notRechecked': 'Re-checked once due on {dueOn} (due measures are re-checked nightly)',
  'pages.corrections.cleared': 'Re-checked on {on}: no recurrence since the measure was set',
  'pages.corrections.recurred': 'Re-checked on {on}: the fault recurred {n} times and became a lead',
  'pages.corrections.history': 'History',
  'pages.corrections.set.tolerance': 'Set a correction measure',
  'pages.corrections.set.finding': 'Set a rectification',
  'pages.corrections.setHint.tolerance':
    "A measure for a tolerated fault: the agency carries it out and reports it; once due, the agency's (officer's) later acts are re-checked for the same fault, and a recurrence becomes a lead.",
  'pages.corrections.setHint.finding':
    'A measure for a detected fault: the agency carries it out and reports it; once due, the same rule is re-checked, and a recurrence becomes a lead.',
  'pages.corrections.subject.tolerance': 'Tolerance application {number} ({name})',
  'pages.corrections.subject.finding': 'Act {id}: {rule}',
  'pages.corrections.form.measureHint.tolerance':
    'What is to be done: correct the mistake, improve the rules, make good the loss (at least 4 characters)',
  'pages.corrections.form.measureHint.finding':
    'What is to be done to correct the fault and keep it from recurring (at least 4 characters)',
  'pages.corrections.form.measurePlaceholder':
    'e.g. train all staff; review every fine decision before issue',
  'pages.corrections.form.responsibleHint': 'The person or department that carries it out',
  'pages.corrections.form.responsiblePlaceholder': 'e.g. head of the legal section',
  'pages.corrections.form.dueHint': 'After today; re-checked once due',
  'pages.corrections.form.notePlaceholder': 'What was done (at least 4 characters)',
  'pages.corrections.created.tolerance': 'Correction measure set',
  'pages.corrections.created.finding': 'Rectification set',
  'pages.corrections.createdView': 'View the measure',
  'pages.corrections.actionDone': 'Done: {action}',
  'pages.corrections.hint.report':
    'Say what was done; the supervision office re-checks the measure once it falls due.',
  'pages.corrections.hint.recheck':
    "The agency's (officer's) acts since the measure was set are checked for the same fault: none passes the re-check; a recurrence becomes a lead.",
  'pages.corrections.application.title': 'Correction measures',
  'pages.corrections.application.none': 'No correction measures',
  'pages.corrections.application.canSet':
    'Tolerance was granted: a correction measure may be set for the fault, re-checked once due.',
  'pages.corrections.finding.measures': 'Rectification',
} satisfies SameKeys<typeof zh>;
