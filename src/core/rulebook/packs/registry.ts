// Pack resolution: a pack version in force on a date, merged onto its parent's version in force on
// the same date. Overrides are deep: objects merge key by key, arrays and values replace.
import { fieldsFromZod, ValidationError } from '../../validation.js';
import { buildCatalogue } from '../catalogue.js';
import { dayNumber, dayRange, isCalendarDate } from '../day.js';
import { MEASURES_TITLE } from '../measures.js';
import { ARTICLES, CHAPTERS } from '../rules.js';
import type { ArticleText, ChapterText } from '../types.js';
import { GUIZHOU } from './guizhou.js';
import { GUIZHOU_A_CITY } from './guizhou-a-city.js';
import { packDefinitionSchema, packParamsSchema } from './schema.js';
import type {
  PackDefinition,
  PackParams,
  PackSummary,
  PackTexts,
  PackVersion,
  ResolvedPack,
} from './types.js';

export const DEFAULT_PACK = 'guizhou';
export const BUILTIN_PACKS: readonly PackDefinition[] = [GUIZHOU, GUIZHOU_A_CITY];

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `override` onto `base`: objects merge key by key; arrays and values replace; undefined keeps. */
export function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlain(base) || !isPlain(override)) return (override === undefined ? base : override) as T;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(override)) {
    if (v === undefined) continue;
    out[k] = k in base ? deepMerge(base[k], v) : v;
  }
  return out as T;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface Layer {
  def: PackDefinition;
  version: PackVersion;
}

function applyArticleTexts(articles: readonly ArticleText[], texts: PackTexts | undefined, pack: string) {
  if (!texts?.articles) return articles;
  return articles.map((a) => {
    const o = texts.articles?.[String(a.number)];
    if (!o) return a;
    const replaced = o.intro !== undefined || o.clauses !== undefined || o.closing !== undefined;
    return {
      number: a.number,
      intro: o.intro ?? a.intro,
      clauses: o.clauses ? o.clauses.map((text, i) => ({ number: i + 1, text })) : a.clauses,
      closing: o.closing ?? a.closing,
      // Pasting a text makes it the official one unless the admin says it is still a summary.
      summary: o.summary ?? (replaced ? false : a.summary),
      source: o.source ?? (replaced ? `规则包 ${pack}` : a.source),
    };
  });
}

function applyChapterTexts(chapters: readonly ChapterText[], texts: PackTexts | undefined, pack: string) {
  if (!texts?.chapters) return chapters;
  return chapters.map((c) => {
    const o = texts.chapters?.[String(c.number)];
    if (!o) return c;
    const replaced = o.text !== undefined;
    return {
      ...c,
      text: o.text ?? c.text,
      summary: o.summary ?? (replaced ? false : c.summary),
      source: o.source ?? (replaced ? `规则包 ${pack}` : c.source),
    };
  });
}

interface IndexedPack {
  def: PackDefinition;
  /** [fromDay, toDay] per version, same order. */
  ranges: [number, number][];
}

export class PackRegistry {
  private readonly packs = new Map<string, IndexedPack>();
  private readonly resolved = new Map<string, ResolvedPack>();

  constructor(defs: readonly PackDefinition[]) {
    defs.forEach((def, i) => {
      const parsed = packDefinitionSchema.safeParse(def);
      if (!parsed.success)
        throw new ValidationError('规则包定义无效', fieldsFromZod(parsed.error, ['packs', i]));
      if (this.packs.has(def.name)) {
        throw new ValidationError('规则包名称重复', [{ path: `packs[${i}].name`, message: def.name }]);
      }
      const ranges = def.versions.map((v) => dayRange(v.validFrom, v.validTo));
      ranges.forEach(([from, to], j) => {
        if (to < from) {
          throw new ValidationError('规则包版本的生效期间无效', [
            { path: `packs[${i}].versions[${j}].validTo`, message: '失效日期早于生效日期' },
          ]);
        }
        for (let k = 0; k < j; k++) {
          const [f2, t2] = ranges[k]!;
          if (from <= t2 && f2 <= to) {
            throw new ValidationError('同一规则包的版本生效期间重叠', [
              {
                path: `packs[${i}].versions[${j}].validFrom`,
                message: `与版本 ${def.versions[k]!.version} 重叠`,
              },
            ]);
          }
        }
      });
      this.packs.set(def.name, { def, ranges });
    });
    // Parents exist, no cycles, and every version resolves to complete, valid parameters.
    defs.forEach((def, i) => {
      const seen = new Set<string>([def.name]);
      for (let p = def.parent; p !== null; p = this.packs.get(p)!.def.parent) {
        if (!this.packs.has(p)) {
          throw new ValidationError('上级规则包不存在', [{ path: `packs[${i}].parent`, message: p }]);
        }
        if (seen.has(p))
          throw new ValidationError('规则包继承关系成环', [{ path: `packs[${i}].parent`, message: p }]);
        seen.add(p);
      }
      def.versions.forEach((v, j) => {
        const layers = this.layers(def.name, dayNumber(v.validFrom));
        if (!layers) {
          throw new ValidationError('上级规则包在该版本生效之日没有有效版本', [
            { path: `packs[${i}].versions[${j}].validFrom`, message: v.validFrom },
          ]);
        }
        const merged = layers.reduce<unknown>((acc, l) => deepMerge(acc, l.version.params ?? {}), {});
        const check = packParamsSchema.safeParse(merged);
        if (!check.success) {
          throw new ValidationError(
            '规则包参数无效',
            fieldsFromZod(check.error, ['packs', i, 'versions', j, 'params']),
          );
        }
      });
    });
  }

  /** The versions in force on a day, root first; null when some layer has none. */
  private layers(name: string, day: number): Layer[] | null {
    const out: Layer[] = [];
    for (let n: string | null = name; n !== null; ) {
      const p = this.packs.get(n);
      if (!p) return null;
      const idx = p.ranges.findIndex(([from, to]) => from <= day && day <= to);
      if (idx < 0) return null;
      out.unshift({ def: p.def, version: p.def.versions[idx]! });
      n = p.def.parent;
    }
    return out;
  }

  has(name: string): boolean {
    return this.packs.has(name);
  }

  names(): string[] {
    return [...this.packs.keys()];
  }

  /** Packs and their versions, for `wenze rules --json` and the admin. */
  list(): PackSummary[] {
    return [...this.packs.values()].map(({ def }) => ({
      name: def.name,
      title: def.title,
      region: def.region,
      parent: def.parent,
      default: def.name === DEFAULT_PACK,
      versions: def.versions.map((v) => ({
        version: v.version,
        validFrom: v.validFrom,
        validTo: v.validTo,
        ...(v.note === undefined ? {} : { note: v.note }),
      })),
    }));
  }

  /**
   * The version of `name` in force on `on` ('YYYY-MM-DD'), merged with its ancestors.
   * Unknown pack → ValidationError on `paths.pack`; no version in force → on `paths.on`.
   */
  select(name: string, on: string, paths: { pack?: string; on?: string } = {}): ResolvedPack {
    const packPath = paths.pack ?? 'pack';
    const onPath = paths.on ?? 'on';
    if (!this.packs.has(name)) {
      throw new ValidationError(`未知的规则包：${name}`, [
        { path: packPath, message: `未知的规则包，可选：${this.names().join('、')}` },
      ]);
    }
    if (!isCalendarDate(on)) {
      throw new ValidationError('日期无效', [{ path: onPath, message: '日期格式应为 YYYY-MM-DD' }]);
    }
    return this.selectDay(name, dayNumber(on), on, onPath);
  }

  /** Hot-path variant: `name` known to exist and `day` from a validated date. */
  selectDay(name: string, day: number, on: string, onPath = 'on'): ResolvedPack {
    const layers = this.layers(name, day);
    if (!layers) {
      throw new ValidationError(`规则包 ${name} 在 ${on} 没有生效的版本`, [
        { path: onPath, message: `规则包 ${name} 在该日期没有生效的版本` },
      ]);
    }
    let key = '';
    for (const l of layers) key += `${key === '' ? '' : '>'}${l.def.name}@${l.version.version}`;
    const cached = this.resolved.get(key);
    if (cached) return cached;
    const resolved = this.resolve(layers, key);
    this.resolved.set(key, resolved);
    return resolved;
  }

  private resolve(layers: Layer[], key: string): ResolvedPack {
    let params = {} as PackParams;
    let articles: readonly ArticleText[] = ARTICLES;
    let chapters: readonly ChapterText[] = CHAPTERS;
    let catalogueTexts: Record<string, string> = {};
    let measuresTitle = MEASURES_TITLE;
    for (const { def, version } of layers) {
      params = deepMerge(params, version.params ?? {});
      articles = applyArticleTexts(articles, version.texts, def.name);
      chapters = applyChapterTexts(chapters, version.texts, def.name);
      catalogueTexts = { ...catalogueTexts, ...(version.texts?.catalogue ?? {}) };
      if (def.measuresTitle) measuresTitle = def.measuresTitle;
    }
    const own = layers[layers.length - 1]!;
    return deepFreeze({
      name: own.def.name,
      title: own.def.title,
      region: own.def.region,
      parent: own.def.parent,
      version: own.version.version,
      validFrom: own.version.validFrom,
      validTo: own.version.validTo,
      lineage: layers.map((l) => ({ name: l.def.name, version: l.version.version })),
      measuresTitle,
      params: structuredClone(params),
      chapters,
      articles,
      catalogue: buildCatalogue(catalogueTexts),
      key,
    });
  }
}

/** A registry over the given pack definitions (validated; throws ValidationError naming the field). */
export function createPackRegistry(defs: readonly PackDefinition[]): PackRegistry {
  return new PackRegistry(defs);
}

/** The built-in packs: guizhou (default) and guizhou-a-city. */
export const defaultPacks: PackRegistry = createPackRegistry(BUILTIN_PACKS);

/** The version of a pack in force on a date ('YYYY-MM-DD'). */
export function selectPack(name: string, onDate: string, packs: PackRegistry = defaultPacks): ResolvedPack {
  return packs.select(name, onDate);
}
