// Where a case opens (shared with the other pages: services/caseLinks.ts).
export { caseBase, caseHref } from '../../services/caseLinks';
