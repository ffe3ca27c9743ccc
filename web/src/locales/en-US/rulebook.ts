import type { SameKeys } from '..';
import type zh from '../zh-CN/rulebook';

export default {
  'pages.rulebook.searchPlaceholder':
    'Search articles and the fault catalogue (Chinese), e.g. 重复罚款, 从重',
  'pages.rulebook.toc': 'Contents',
  'pages.rulebook.version': 'Version {version}',
  'pages.rulebook.validFrom': 'in force from {from}',
  'pages.rulebook.validRange': 'in force {from} to {to}',
  'pages.rulebook.on': 'Version in force on…',
  'pages.rulebook.summary': 'Summary',
  'pages.rulebook.summaryNote':
    'A summary, not the official text; an administrator can paste the official text into the rule pack',
  'pages.rulebook.rules': 'Implemented by',
  'pages.rulebook.items': '{n} items',
  'pages.rulebook.simulate': 'Simulate',
  'pages.rulebook.results': 'Results for “{q}”',
  'pages.rulebook.hits': '{n} found',
  'pages.rulebook.noHits': 'Nothing found; try other words',
  'pages.rulebook.kind.chapter': 'Chapter',
  'pages.rulebook.kind.article': 'Article',
  'pages.rulebook.kind.clause': 'Clause',
  'pages.rulebook.kind.catalogue': 'Catalogue',
  'pages.rulebook.footnote':
    'Chapter 2’s catalogue is numbered (一)(二)… as in the source, without article numbers; Articles 24–25 and Chapter 4 are summaries; the official text prevails.',
} satisfies SameKeys<typeof zh>;
