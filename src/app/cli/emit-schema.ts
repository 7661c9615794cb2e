import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { printSdl } from '../schema.js';

/** npm run schema: rewrites schema/*.graphql from the code; the drift test compares them. */
for (const api of ['storefront', 'admin'] as const) {
  writeFileSync(`schema/${api}.graphql`, await printSdl(api));
  console.log(`schema/${api}.graphql written`);
}
