// Chinese word segmentation (jieba) for search: a query such as “执法人员重复罚款” becomes the
// words a reader means (执法 / 人员 / 重复 / 罚款), so that texts containing some of them are
// found even when the whole phrase does not occur.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

// Particles and function words that carry no meaning for search.
const STOP = new Set([
  '的',
  '了',
  '和',
  '与',
  '或',
  '及',
  '在',
  '对',
  '是',
  '被',
  '把',
  '之',
  '其',
  '等',
  '或者',
  '以及',
  '有关',
]);

/** The meaningful words of a query, in search mode (long words and their parts), deduplicated. */
export function searchTerms(query: string): string[] {
  jieba ??= Jieba.withDict(dict);
  const words = jieba.cutForSearch(query, true).map((w) => w.trim());
  return [...new Set(words.filter((w) => w.length > 0 && !STOP.has(w) && !/^[\p{P}\s]+$/u.test(w)))];
}
