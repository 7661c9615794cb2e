import 'reflect-metadata';
import { priceBucketBounds, priceBuckets, priceBucketLabel, searchLocale } from '../../src/search/document.js';
import { parseQuery, typoBudget, typoDistance, words } from '../../src/search/text.js';
import { CurrencyCode } from '../../src/shared/money.js';

test('words are folded: case, diacritics, compatibility forms', () => {
  expect(words('Estée Lauder')).toEqual(['estee', 'lauder']);
  expect(words('ＳＥＬＭＡ Straße Ørsted Œuvre')).toEqual(['selma', 'strasse', 'orsted', 'oeuvre']);
});

test('Chinese and Japanese are segmented; marks that change a kana are kept', () => {
  expect(words('迈克高仕 SELMA 手袋')).toEqual(['迈', '克', '高', '仕', 'selma', '手袋']);
  expect(words('真皮手袋')).toEqual(['真皮', '手袋']);
  expect(words('ハンドバッグ')).toEqual(['ハンドバッグ']);
});

test('operators and punctuation never survive', () => {
  expect(words(`it's "quoted" & | ! : * ( ) -- ; ' or 1=1`)).toEqual(['it', 's', 'quoted', 'or', '1', '1']);
  expect(words('&|!:*()')).toEqual([]);
});

test('typo distance counts an adjacent swap as one edit', () => {
  expect(typoDistance('hnadbag', 'handbag')).toBe(1);
  expect(typoDistance('lether', 'leather')).toBe(1);
  expect(typoDistance('handbag', 'handbags')).toBe(1);
  expect(typoDistance('kitten', 'sitting')).toBe(3);
  expect(typoDistance('abc', 'xyzwq', 1)).toBe(2); // stops early past the budget
});

test('typo budget: none under 5 letters, one from 5, two from 9; none for CJK or numbers', () => {
  expect([typoBudget('etee'), typoBudget('selma'), typoBudget('handbags'), typoBudget('cashmeres'), typoBudget('手提包包包'), typoBudget('123456')]).toEqual([0, 1, 1, 2, 0, 0]);
});

test('the last word is a prefix while typing, not after a space', () => {
  expect(parseQuery('selma hand')).toEqual({ words: ['selma', 'hand'], prefixLast: true });
  expect(parseQuery('selma hand ')).toEqual({ words: ['selma', 'hand'], prefixLast: false });
  expect(parseQuery('a '.repeat(5) + 'b c d e f g h i j k l').words).toHaveLength(10);
});

test('the search locale: first requested locale the store carries (or of its language), else the store default', () => {
  const store = { defaultLocale: 'zh-CN', supportedLocales: ['zh-CN', 'en'] };
  expect(searchLocale(['en-GB', 'zh-CN'], store)).toBe('en');
  expect(searchLocale(['zh'], store)).toBe('zh-CN');
  expect(searchLocale(['fr'], store)).toBe('zh-CN');
  expect(searchLocale([], store)).toBe('zh-CN');
  expect(searchLocale(['zh-Hans-CN'], store)).toBe('zh-CN');
  // Traditional Chinese is never matched in Simplified text: the next requested locale serves instead.
  expect(searchLocale(['zh-TW', 'en'], store)).toBe('en');
});

test('price buckets in major units, labels in the shopper locale', () => {
  expect(priceBuckets(1_299_900, 1_299_900, CurrencyCode.CNY)).toEqual(['10000-25000']);
  expect(priceBuckets(99, 99, CurrencyCode.EUR)).toEqual(['0-100']);
  expect(priceBuckets(25_000_000, 25_000_000, CurrencyCode.JPY)).toEqual(['100000-']);
  // A boundary price is in the bucket that starts there; a range is in every bucket it reaches.
  expect(priceBuckets(250_000, 250_000, CurrencyCode.CNY)).toEqual(['2500-5000']);
  expect(priceBuckets(245_000, 260_000, CurrencyCode.CNY)).toEqual(['1000-2500', '2500-5000']);
  expect(priceBucketBounds('1000-2500', CurrencyCode.CNY)).toEqual({ min: '1000.00', max: '2500.00' });
  expect(priceBucketBounds('100000-', CurrencyCode.JPY)).toEqual({ min: '100000', max: null });
  expect(priceBucketLabel('1000-2500', CurrencyCode.EUR, 'en')).toBe('€1,000 – €2,500');
  expect(priceBucketLabel('100000-', CurrencyCode.CNY, 'zh-CN')).toBe('¥100,000+');
});
