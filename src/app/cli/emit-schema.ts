import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { printSdl } from '../schema.js';

/** npm run schema: rewrites schema/*.graphql from the code; the drift test compares them. */
mkdirSync('schema', { recursive: true });
for (const api of ['storefront', 'admin'] as const) {
  writeFileSync(`schema/${api}.graphql`, await printSdl(api));
  console.log(`schema/${api}.graphql written`);
}
