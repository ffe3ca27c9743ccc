// App texts. One file per namespace under zh-CN/ and en-US/ (dotted keys such as
// `menu.officers`, `pages.officers.title`); every file found here is merged, so adding a
// namespace is adding a file pair. en-US files are typed against their zh-CN twin.
export type Locale = 'zh-CN' | 'en-US';
export type Messages = Record<string, string>;

export const LOCALES: { key: Locale; label: string }[] = [
  { key: 'zh-CN', label: '简体中文' },
  { key: 'en-US', label: 'English' },
];

function merge(files: Record<string, { default: Messages }>): Messages {
  const all: Messages = {};
  for (const [path, mod] of Object.entries(files)) {
    for (const [key, text] of Object.entries(mod.default)) {
      if (import.meta.env.DEV && key in all) console.warn(`locale key ${key} defined twice (${path})`);
      all[key] = text;
    }
  }
  return all;
}

export const messages: Record<Locale, Messages> = {
  'zh-CN': merge(import.meta.glob<{ default: Messages }>('./zh-CN/*.ts', { eager: true })),
  'en-US': merge(import.meta.glob<{ default: Messages }>('./en-US/*.ts', { eager: true })),
};

/** Same keys in both languages: `satisfies SameKeys<typeof zh>` in every en-US file. */
export type SameKeys<T> = { [K in keyof T]: string };
