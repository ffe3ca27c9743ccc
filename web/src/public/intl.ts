// The portal's texts: the console's public and common namespaces and the portal's own, in the
// language the console saved (wenze.locale), Chinese by default. No provider: the language is read
// once when the page loads, and nothing on the public pages changes it.
import enCommon from '../locales/en-US/common';
import enEvaluation from '../locales/en-US/evaluation';
import enPublic from '../locales/en-US/public';
import zhCommon from '../locales/zh-CN/common';
import zhEvaluation from '../locales/zh-CN/evaluation';
import zhPublic from '../locales/zh-CN/public';
import { en, zh } from './messages';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

function savedLocale(): 'zh-CN' | 'en-US' {
  try {
    return localStorage.getItem('wenze.locale') === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const locale = savedLocale();
const fallback: Record<string, string> = { ...zhCommon, ...zhPublic, ...zhEvaluation, ...zh };
const table: Record<string, string> =
  locale === 'en-US' ? { ...enCommon, ...enPublic, ...enEvaluation, ...en } : fallback;

export const t: Translate = (key, values) => {
  const text = table[key] ?? fallback[key] ?? key;
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
};
