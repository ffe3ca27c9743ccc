/**
 * 第二章 行政执法过错行为 — the fault-behaviour catalogue, 52 items in 7 categories.
 *
 * Texts exactly as in the seed, with its bold marks, page marker "（p9 1）" and each item's
 * final "；" / "。" removed (so every item reads like "对当事人的同一违法行为重复罚款的").
 * The seed gives these items no article numbers: they are cited by chapter, category and item
 * number, never by an invented article (DOMAIN.md). The seed's own wording is kept even where
 * it looks like a slip (licensing （十二） "和他组织"; DECISIONS.md D2).
 *
 * 行政许可：在实施行政许可过程中下列行为，属于行政执法过错行为的有：（一）…（十三）
 * 行政征收、征用：在实施行政征收、征用过程中下列行为，属于行政执法过错行为的有：（一）…（四）
 * 行政检查：在实施行政检查过程中下列行为，属于行政执法过错行为的有：（一）…（七）
 * 行政强制：在实施行政强制过程中下列行为，属于行政执法过错行为的有：（一）…（五）
 * 行政处罚：在实施行政处罚过程中下列行为，属于行政执法过错行为的有：（一）…（十二）
 * 其他：在实施其他行政管理过程中下列行为，属于行政执法过错行为的有：（一）…（五）
 * 不履行法定职责：不履行法定职责的下列行为，属于行政执法过错行为：（一）…（六）
 */
import type { CategoryCode } from './types.js';
import { zhItem } from './zh.js';

export interface CatalogueCategory {
  code: CategoryCode;
  /** The seed's heading, used in citations. */
  title: string;
  /** The sentence that introduces the list. */
  intro: string;
  items: readonly string[];
}

export interface CatalogueCite {
  chapter: 2;
  category: string;
  /** Full-width parenthesised Chinese numeral: "（四）". */
  item: string;
}

export interface CatalogueItem {
  code: string;
  category: CategoryCode;
  item: number;
  text: string;
  cite: CatalogueCite;
}

export const CATALOGUE_CATEGORIES: readonly CatalogueCategory[] = [
  {
    code: 'licensing',
    title: '行政许可',
    intro: '在实施行政许可过程中下列行为，属于行政执法过错行为的有：',
    items: [
      '对符合法定条件的行政许可申请不予受理的',
      '不在办公场所公示依法应当公示的材料，或者不公开依法应当公开的信息的',
      '在受理、审查、决定行政许可过程中，未向申请人、利害关系人履行法定告知义务的',
      '未依法说明不受理行政许可申请或者不予行政许可理由的',
      '依法应当举行听证而不举行听证的',
      '对不符合法定条件的申请人准予行政许可的',
      '对符合法定条件的申请人不予行政许可，或者不在规定时限内作出行政许可决定的',
      '依法应经过招标、拍卖、考试择优作出行政许可决定而未经招标、拍卖、考试，或者不根据招标、拍卖结果、考试成绩作出准予行政许可决定的',
      '无法定依据收费或者不按法定项目和标准收费的',
      '对涉及不同部门的行政许可，在规定期限内不办理、延迟办理，或者办理完毕后应当及时移交其他部门而不移交，或者拖延移交的',
      '不按规定向申请人出具相关书面凭证的',
      '将行政许可权违法委托给公民、法人和他组织行使的',
      '其他违反行政许可规定，贻误行政许可工作，损害许可申请人合法权益的',
    ],
  },
  {
    code: 'levy',
    title: '行政征收、征用',
    intro: '在实施行政征收、征用过程中下列行为，属于行政执法过错行为的有：',
    items: [
      '无法定依据、法定职权实施征收、征用的',
      '擅自设立征收、征用项目，或者擅自改变征收、征用范围和标准的',
      '未按法定程序实施征收、征用的',
      '其他违反征收、征用规定的',
    ],
  },
  {
    code: 'inspection',
    title: '行政检查',
    intro: '在实施行政检查过程中下列行为，属于行政执法过错行为的有：',
    items: [
      '无法定依据、法定职权实施行政检查的',
      '超越法定权限实施行政检查的',
      '非正当目的实施行政检查的',
      '不按法定程序、时限实施行政检查的',
      '放弃、推诿、拖延、拒绝履行行政检查职责的',
      '隐瞒、包庇、袒护、纵容违法行为的',
      '其他违反行政检查工作规定，损害行政管理相对人合法权益的',
    ],
  },
  {
    code: 'coercion',
    title: '行政强制',
    intro: '在实施行政强制过程中下列行为，属于行政执法过错行为的有：',
    items: [
      '无法定职权或者超越法定职权实施行政强制的',
      '无法定事实依据实施行政强制的',
      '违反法定程序实施行政强制的',
      '擅自使用、丢失、损毁查封、扣押的财物的',
      '其他违反行政强制规定，损害行政管理相对人合法权益的',
    ],
  },
  {
    code: 'penalty',
    title: '行政处罚',
    intro: '在实施行政处罚过程中下列行为，属于行政执法过错行为的有：',
    items: [
      '无法定处罚依据和事实依据实施行政处罚的',
      '指派、委托不具备行政执法资格组织、人员实施行政处罚的',
      '擅自设定行政处罚或者改变行政处罚种类、幅度的',
      '对当事人的同一违法行为重复罚款的',
      '违反“罚缴分离”规定，擅自收取罚款的',
      '对当事人进行罚款、没收财物的处罚不开具法定部门制发的罚款、没收财物单据的',
      '应当移交司法机关追究刑事责任而不移交的',
      '玩忽职守，对应当予以制止和处罚的违法行为不予制止、处罚的',
      '未履行法定告知义务的',
      '依法应当组织听证而不组织听证的',
      '实施行政处罚显失公正的',
      '其他违反法律规定的',
    ],
  },
  {
    code: 'other',
    title: '其他',
    intro: '在实施其他行政管理过程中下列行为，属于行政执法过错行为的有：',
    items: [
      '违法集资、摊派费用，或者要求公民、法人和其他组织履行非法义务的',
      '侵犯公民、法人和其他组织的合法经营自主权的',
      '要求公民、法人和其他组织接受无法定依据的指定服务，或者购买无法定依据的指定商品的',
      '损害公民、法人和其他组织人身权、财产权的其他违法执法行为',
      '违反有关规定，截留、私分、挪用罚没款、征收款，截留、私分、使用、损毁被没收、征收、征用财物的',
    ],
  },
  {
    code: 'nonperformance',
    title: '不履行法定职责',
    intro: '不履行法定职责的下列行为，属于行政执法过错行为：',
    items: [
      '经公民、法人和其他组织请求，拒绝履行法律、法规和规章规定的特定义务的',
      '拒绝、拖延执行上级机关依法作出的行政决定的',
      '具有法定义务在法定期限内不作为的',
      '不依法给予公民、法人和其他组织行政赔偿、行政救济、行政补偿、行政给付的',
      '依法应当向公民、法人和其他组织出具凭证而未出具的',
      '其他法律、法规和规章规定应当作为而不作为的',
    ],
  },
];

/** `penalty.04` from ('penalty', 4). */
export function catalogueCode(category: CategoryCode, item: number): string {
  return `${category}.${String(item).padStart(2, '0')}`;
}

/** The catalogue with codes and citations, optionally with texts replaced (a pack's overrides). */
export function buildCatalogue(
  textOverrides: Readonly<Record<string, string>> = {},
): readonly CatalogueItem[] {
  const items: CatalogueItem[] = [];
  for (const category of CATALOGUE_CATEGORIES) {
    category.items.forEach((seedText, i) => {
      const code = catalogueCode(category.code, i + 1);
      items.push(
        Object.freeze({
          code,
          category: category.code,
          item: i + 1,
          text: textOverrides[code] ?? seedText,
          cite: Object.freeze({ chapter: 2 as const, category: category.title, item: zhItem(i + 1) }),
        }),
      );
    });
  }
  return Object.freeze(items);
}

/** The built-in catalogue (seed texts). */
export const CATALOGUE: readonly CatalogueItem[] = buildCatalogue();

export const CATALOGUE_CODES: ReadonlySet<string> = new Set(CATALOGUE.map((i) => i.code));
