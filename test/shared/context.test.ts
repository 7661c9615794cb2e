import { parseAcceptLanguage } from '../../src/shared/context.js';

test.each([
  ['zh-CN,zh;q=0.9,en;q=0.8', ['zh-CN', 'zh', 'en']],
  ['fr;q=0.5, it', ['it', 'fr']],
  ['en-us', ['en-US']],
  ['zh-hant-tw', ['zh-Hant-TW']],
  ['de;q=0, *;q=0.1, ja', ['ja']],
  ['en_US, fr', ['fr']],
  ['it;q=abc, fr', ['fr']],
  ['', []],
])('accept-language %j -> %j', (header, locales) => {
  expect(parseAcceptLanguage(header)).toEqual(locales);
});

test('equal weights keep the order the client sent', () => {
  expect(parseAcceptLanguage('fr-FR;q=0.8, it-IT;q=0.8, en;q=0.8')).toEqual(['fr-FR', 'it-IT', 'en']);
});
