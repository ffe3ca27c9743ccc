// The locale context: the chosen language (persisted), the t() lookup with {name}
// placeholders, and antd's own locale to match.
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { type Locale, messages } from './index';

const STORAGE_KEY = 'wenze.locale';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

interface IntlValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  antdLocale: typeof zhCN;
}

const IntlContext = createContext<IntlValue | null>(null);

function initialLocale(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved === 'en-US' || saved === 'zh-CN' ? saved : 'zh-CN';
}

export function format(text: string, values?: Record<string, string | number>): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

export function IntlProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<IntlValue>(() => {
    const table = messages[locale];
    const fallback = messages['zh-CN'];
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale;
    const t: Translate = (key, values) => {
      const text = table[key] ?? fallback[key];
      if (text === undefined) {
        if (import.meta.env.DEV) console.warn(`missing locale key: ${key}`);
        return key;
      }
      return format(text, values);
    };
    return { locale, setLocale, t, antdLocale: locale === 'zh-CN' ? zhCN : enUS };
  }, [locale, setLocale]);
  return <IntlContext.Provider value={value}>{children}</IntlContext.Provider>;
}

export function useIntl(): IntlValue {
  const v = useContext(IntlContext);
  if (!v) throw new Error('useIntl outside IntlProvider');
  return v;
}
