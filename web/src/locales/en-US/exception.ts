import type { SameKeys } from '..';
import type zh from '../zh-CN/exception';

export default {
  'pages.exception.403': 'Sorry, your role may not open this page',
  'pages.exception.404': 'Sorry, this page does not exist',
  'pages.exception.500': 'Something went wrong',
  'pages.exception.500.desc':
    'Refresh the page and try again; if it keeps happening, contact your administrator.',
  'pages.exception.backHome': 'Back to home',
  'pages.exception.notFoundObject': 'The record does not exist or is outside what you may see',
} satisfies SameKeys<typeof zh>;
