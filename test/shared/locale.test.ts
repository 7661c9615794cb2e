import { localeChain, pick, pickText } from '../../src/catalog/i18n.js';
import { bestLocale, negotiateLocale, parseAcceptLanguage } from '../../src/shared/locale.js';

describe('parseAcceptLanguage', () => {
  test.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', ['zh-CN', 'zh', 'en']],
    ['fr;q=0.5, it', ['it', 'fr']],
    ['en-us', ['en-US']],
    ['zh-hant-tw', ['zh-Hant-TW']],
    ['de;q=0, *;q=0.1, ja', ['ja']],
    ['zh_CN', ['zh-CN']],
    ['en_US, fr', ['en-US', 'fr']],
    ['it;q=abc, fr', ['fr']],
    ['it;q=2, fr', ['fr']],
    ['en, en, EN', ['en']],
    ['zh-TW,zh;q=0.9,en;q=0.8', ['zh-TW', 'zh-Hant', 'en']],
    ['sr-Latn-RS, sr;q=0.9', ['sr-Latn-RS', 'sr-Latn']],
    ['en-GB, en;q=0.9', ['en-GB', 'en']],
    ['*', []],
    ['', []],
    [';;;,,,q=1, 🙂, en-', []],
  ])('%j -> %j', (header, locales) => {
    expect(parseAcceptLanguage(header)).toEqual(locales);
  });

  test('equal weights keep the order the client sent', () => {
    expect(parseAcceptLanguage('fr-FR;q=0.8, it-IT;q=0.8, en;q=0.8')).toEqual(['fr-FR', 'it-IT', 'en']);
  });

  test('a very long header is cut, not parsed whole', () => {
    const header = Array.from({ length: 5000 }, (_, i) => `x-${String(i).padStart(4, '0')}-aa;q=0.5`).join(',');
    const started = performance.now();
    const locales = parseAcceptLanguage(`zh-CN, ${header}`);
    expect(performance.now() - started).toBeLessThan(50);
    expect(locales[0]).toBe('zh-CN');
    expect(locales.length).toBeLessThanOrEqual(16);
  });
});

describe('bestLocale', () => {
  test.each([
    ['zh-Hans-CN', ['it', 'en', 'zh-CN'], 'zh-CN'],
    ['zh', ['it', 'en', 'zh-CN'], 'zh-CN'],
    ['zh-SG', ['it', 'zh-CN'], 'zh-CN'],
    ['zh-CN', ['zh-Hans'], 'zh-Hans'],
    ['zh-TW', ['zh-CN', 'zh-TW'], 'zh-TW'],
    ['zh-HK', ['zh-CN', 'zh-TW'], 'zh-TW'],
    ['zh-Hant', ['zh-CN', 'zh-TW'], 'zh-TW'],
    ['zh-Hant-HK', ['zh-Hans', 'zh-Hant'], 'zh-Hant'],
    ['zh-TW', ['it', 'zh-CN'], undefined],
    ['zh-HK', ['zh-CN', 'zh'], undefined],
    ['zh', ['zh-TW'], undefined],
    ['en-GB', ['it', 'en'], 'en'],
    ['en-GB', ['it', 'en-US'], 'en-US'],
    ['en', ['it', 'en-GB'], 'en-GB'],
    ['fr-CH', ['it', 'fr'], 'fr'],
    ['fr-CH', ['it', 'en'], undefined],
    ['it', ['it'], 'it'],
    ['de', [], undefined],
  ])('%s among %j -> %s', (wanted, available, expected) => {
    expect(bestLocale(wanted, available)).toBe(expected);
  });

  test('a malformed stored locale is no match, not an exception', () => {
    expect(bestLocale('en', ['not a locale!'])).toBeUndefined();
  });
});

/**
 * Real accept-language headers, negotiated against a store with Italian as its default that also
 * carries English, Simplified and (second table) Traditional Chinese.
 */
describe('headers as browsers and apps send them', () => {
  const simplifiedOnly = ['it', 'en', 'zh-CN'];
  const both = ['it', 'en', 'zh-CN', 'zh-TW'];
  test.each([
    ['Chrome, Chinese UI', 'zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN', 'zh-CN'],
    ['Safari, macOS Simplified Chinese', 'zh-Hans-CN,zh-Hans;q=0.9', 'zh-CN', 'zh-CN'],
    ['bare zh', 'zh', 'zh-CN', 'zh-CN'],
    ['WeChat mini-program', 'zh_CN', 'zh-CN', 'zh-CN'],
    ['iOS Safari, Hong Kong Traditional', 'zh-Hant-HK', 'it', 'zh-TW'],
    ['Chrome, Taiwan (its "zh" means Traditional)', 'zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7', 'en', 'zh-TW'],
    ['Chrome, Taiwan, Simplified accepted', 'zh-TW,zh-CN;q=0.9', 'zh-CN', 'zh-TW'],
    ['Firefox, Hong Kong', 'zh-HK,zh-TW;q=0.8,en;q=0.5', 'en', 'zh-TW'],
    ['Chrome, UK', 'en-GB,en-US;q=0.9,en;q=0.8', 'en', 'en'],
    ['Safari, Swiss French', 'fr-CH', 'it', 'it'],
    ['Firefox, Swiss French with German', 'fr-CH, fr;q=0.9, de;q=0.7, en;q=0.5', 'en', 'en'],
    ['Italian', 'it', 'it', 'it'],
    ['wildcard', '*', 'it', 'it'],
    ['garbage', 'lol no, ;;q=x', 'it', 'it'],
    ['zh refused with q=0', 'zh-CN;q=0, en;q=0.1', 'en', 'en'],
    ['no header', '', 'it', 'it'],
  ])('%s (%j)', (_client, header, withSimplifiedOnly, withTraditionalToo) => {
    const wanted = parseAcceptLanguage(header);
    expect(negotiateLocale(wanted, simplifiedOnly, 'it')).toBe(withSimplifiedOnly);
    expect(negotiateLocale(wanted, both, 'it')).toBe(withTraditionalToo);
  });
});

describe('fallback chain over translations', () => {
  const title = { it: { title: 'Borsa' }, en: { title: 'Bag' }, 'zh-CN': { title: '手袋' } };

  test('the requested locale is matched by likely subtags and translationLocale says what was served', () => {
    expect(pick(title, 'title', localeChain(['zh-Hans-CN'], 'it'))).toEqual({ value: '手袋', locale: 'zh-CN' });
    expect(pick(title, 'title', localeChain(['zh'], 'it'))).toEqual({ value: '手袋', locale: 'zh-CN' });
  });

  test('Traditional Chinese without a Traditional translation falls back to the store default, not Simplified', () => {
    expect(pick(title, 'title', localeChain(['zh-Hant-HK'], 'it', 'en'))).toEqual({ value: 'Borsa', locale: 'it' });
    expect(pick({ ...title, 'zh-TW': { title: '手提包' } }, 'title', localeChain(['zh-HK'], 'it'))).toEqual({ value: '手提包', locale: 'zh-TW' });
  });

  test('a more preferred locale wins over a better spelled match of a later one', () => {
    expect(pick(title, 'title', localeChain(['en-GB', 'zh-CN'], 'it'))).toEqual({ value: 'Bag', locale: 'en' });
  });

  test('store default, then brand default, then any locale', () => {
    expect(pick({ en: { title: 'Bag' }, es: { title: 'Bolso' } }, 'title', localeChain(['de'], 'zh-CN', 'es'))).toEqual({ value: 'Bolso', locale: 'es' });
    expect(pick({ ja: { title: 'バッグ' } }, 'title', localeChain(['de'], 'it', 'en'))).toEqual({ value: 'バッグ', locale: 'ja' });
    expect(pick({ en: { title: '' } }, 'title', ['en'])).toEqual({ value: undefined, locale: undefined });
  });

  test('plain name maps follow the same chain', () => {
    expect(pickText({ en: 'Colour', 'zh-CN': '颜色' }, localeChain(parseAcceptLanguage('zh_CN'), 'it'))).toBe('颜色');
    expect(pickText({ en: 'Colour', 'zh-CN': '颜色' }, localeChain(['zh-TW'], 'en'))).toBe('Colour');
  });
});
