import { match } from '@formatjs/intl-localematcher';

/** More entries than any browser sends; a longer header is cut here rather than parsed whole. */
const MAX_ACCEPTED_LOCALES = 16;
const MAX_HEADER_LENGTH = 1024;

/**
 * "zh-CN,zh;q=0.9,en;q=0.8" -> ["zh-CN", "zh", "en"], most preferred first (equal weights keep their
 * order). App-style tags with underscores ("zh_CN", sent by WeChat mini-programs) are read as BCP 47;
 * "*", q=0, malformed weights and invalid tags are ignored; duplicates are dropped. A bare language
 * after a tag of that language in another script means that script: Chrome in Taiwan sends
 * "zh-TW,zh;q=0.9", whose "zh" is read as "zh-Hant", not as the Simplified Chinese "zh" stands for alone.
 */
export function parseAcceptLanguage(header: string): string[] {
  const entries = header
    .slice(0, MAX_HEADER_LENGTH)
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.trim().replaceAll('_', '-'), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter(({ tag, q }) => tag && tag !== '*' && q > 0 && q <= 1)
    .flatMap(({ tag, q }) => {
      const canonical = canonicalLocale(tag);
      return canonical ? [{ tag: canonical, q }] : [];
    })
    .sort((a, b) => b.q - a.q)
    .map(({ tag }, i, all) => inheritScript(tag, all.slice(0, i).map((e) => e.tag)));
  return [...new Set(entries)].slice(0, MAX_ACCEPTED_LOCALES);
}

function inheritScript(tag: string, earlier: string[]): string {
  const bare = new Intl.Locale(tag);
  if (bare.script || bare.region || tag !== bare.language) return tag;
  const likely = bare.maximize().script;
  const sibling = earlier.map((t) => new Intl.Locale(t).maximize()).find((l) => l.language === bare.language && l.script !== likely);
  return sibling?.script ? `${bare.language}-${sibling.script}` : tag;
}

/** The canonical BCP 47 form of a tag ("zh-hant-tw" -> "zh-Hant-TW"), or undefined when it is not one. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

const NO_MATCH = 'und';
const matches = new Map<string, string | undefined>();
const MAX_MEMO = 10_000;

/**
 * The available locale that best serves a wanted one, or undefined when none does. CLDR best-fit
 * matching with likely subtags (`@formatjs/intl-localematcher`): "zh", "zh-Hans-CN" and "zh-SG" find
 * "zh-CN"; "en-GB" finds "en" or "en-US"; "zh-TW", "zh-HK" and "zh-Hant" find "zh-TW", "zh-HK" or
 * "zh-Hant" but never a Simplified "zh-CN" or "zh" (script mismatch: the caller falls back to its next
 * choice, such as the store's default locale); a different language never matches.
 * Memoized: the same few (wanted, available) pairs come back for every field of every product.
 */
export function bestLocale(wanted: string, available: readonly string[]): string | undefined {
  if (available.length === 0) return undefined;
  if (available.includes(wanted)) return wanted;
  const key = `${wanted}|${available.join(',')}`;
  if (matches.has(key)) return matches.get(key);
  let found: string | undefined;
  try {
    const result = match([wanted], available, NO_MATCH, { algorithm: 'best fit' });
    found = result === NO_MATCH ? undefined : available.find((a) => a === result || canonicalLocale(a) === result);
  } catch {
    found = undefined; // a malformed stored key: no match rather than a failed request
  }
  if (matches.size >= MAX_MEMO) matches.clear();
  matches.set(key, found);
  return found;
}

/**
 * The first of the wanted locales (most preferred first) that one of the available ones serves, else
 * the fallback: picks the one locale a store answers in (search index, price formatting).
 */
export function negotiateLocale(wanted: readonly string[], available: readonly string[], fallback: string): string {
  for (const locale of wanted) {
    const found = bestLocale(locale, available);
    if (found) return found;
  }
  return fallback;
}
