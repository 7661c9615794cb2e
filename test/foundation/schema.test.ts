import { readFileSync } from 'node:fs';
import { printSdl } from '../../src/app/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

describe('the committed SDL is what the code emits', () => {
  for (const api of ['storefront', 'admin'] as const) {
    test(`schema/${api}.graphql`, async () => {
      const committed = readFileSync(new URL(`../../schema/${api}.graphql`, import.meta.url), 'utf8');
      const emitted = await printSdl(api);
      if (emitted !== committed) {
        throw new Error(`schema/${api}.graphql differs from the code: run npm run schema and review the diff`);
      }
    });
  }
});

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  test('a freshly migrated database matches the entities (no pending schema diff)', async () => {
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});
