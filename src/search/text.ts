/**
 * Text processing shared by indexing and querying, so both sides always agree: folding (case,
 * diacritics, compatibility forms), word splitting with CJK segmentation, and typo distance.
 */

/** Letters that do not decompose under NFKD but that shoppers type without their mark. */
const FOLD: Record<string, string> = {
  ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', ł: 'l', ŀ: 'l', þ: 'th', ß: 'ss', æ: 'ae', œ: 'oe', ŧ: 't',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/** "Estée Lauder" -> "estee lauder"; full-width "ＳＥＬＭＡ" -> "selma". */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLD_RE, (c) => FOLD[c]);
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}\p{M}]+/gu;
const segmenters = {
  zh: new Intl.Segmenter('zh', { granularity: 'word' }),
  ja: new Intl.Segmenter('ja', { granularity: 'word' }),
};

/** Longest word kept: longer runs are cut (a tsvector lexeme is at most 2 KB; nobody types 64 letters). */
const MAX_WORD = 64;

/**
 * Folded words of a text: Latin (and other spaced scripts) split on anything that is not a letter or
 * digit; Chinese and Japanese runs segmented with Intl.Segmenter (PostgreSQL cannot split them:
 * "迈克高仕 SELMA 手袋" -> 迈 克 高 仕 selma 手袋). Punctuation and operators never survive.
 * CJK words keep their marks (a dakuten changes a kana), everything else is folded.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.normalize('NFKC').matchAll(RUN)) {
    if (CJK.test(run[0])) {
      const segmenter = KANA.test(run) ? segmenters.ja : segmenters.zh;
      for (const s of segmenter.segment(run)) if (s.isWordLike) out.push(s.segment.toLowerCase().slice(0, MAX_WORD));
    } else {
      out.push(...fold(run).split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => w.slice(0, MAX_WORD)));
    }
  }
  return out;
}

export const isCjk = (word: string) => CJK.test(word);

/** Typos allowed for a query word of this length: one from 5 letters, two from 9 (as Meilisearch). */
export function typoBudget(word: string): number {
  if (isCjk(word) || /^\p{N}+$/u.test(word)) return 0;
  const length = [...word].length;
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps ("hnadbag" -> "handbag" is 1).
 * With `prefix`, the distance from `a` to the nearest prefix of `b` (a word still being typed: "hnadbag" -> "handbags" is 1).
 */
export function typoDistance(a: string, b: string, max = Infinity, prefix = false): number {
  const x = [...a];
  const y = [...b];
  if ((prefix ? x.length - y.length : Math.abs(x.length - y.length)) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prefix ? Math.min(...prev) : prev[y.length];
}

export const MAX_QUERY_LENGTH = 256;
/** Words of a query that take part in matching; the rest are ignored. */
export const MAX_QUERY_WORDS = 10;

export interface ParsedQuery {
  /** Folded, segmented words, at most MAX_QUERY_WORDS, duplicates removed. */
  words: string[];
  /** Whether the last word may still be being typed (no trailing space): matched as a prefix too. */
  prefixLast: boolean;
}

export function parseQuery(query: string): ParsedQuery {
  const all = words(query);
  const unique = [...new Set(all)].slice(0, MAX_QUERY_WORDS);
  return { words: unique, prefixLast: unique.length > 0 && !/\s$/.test(query) && unique.at(-1) === all.at(-1) };
}
