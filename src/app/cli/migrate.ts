import 'reflect-metadata';
import { readdirSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../../shared/config.js';
import { openDatabase } from '../database.js';
import { exitOnStartupError, StartupError } from '../boot.js';
import { migrationOptions, openOrm } from '../orm.config.js';

/** `npm run migrate` applies pending migrations; `-- --create` writes a new one from the entity diff. */
async function main() {
  const create = process.argv.includes('--create');
  const config = loadConfig();
  const database = await openDatabase(config);
  const orm = await openOrm(database.url, 2, create ? { migrations: { ...migrationOptions, migrationsList: undefined } } : {});
  try {
    if (create) {
      await orm.migrator.up();
      const result = await orm.migrator.create();
      if (!result.fileName) console.log('No schema changes: no migration written.');
      else {
        writeMigrationIndex();
        console.log(`Wrote migrations/${result.fileName}`);
      }
    } else {
      const done = await orm.migrator.up();
      console.log(done.length ? `Applied ${done.map((m) => m.name).join(', ')}` : 'Database is up to date.');
    }
  } catch (err) {
    throw new StartupError(`Migration failed: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    await orm.close();
    await database.stop();
  }
}

function writeMigrationIndex() {
  const names = readdirSync('migrations')
    .filter((f) => /^Migration\d+.*\.ts$/.test(f))
    .sort()
    .map((f) => f.replace(/\.ts$/, ''));
  const lines = [
    '// Every migration, in order. `npm run migration:create` writes a new file and appends it here.',
    ...names.map((n) => `import { ${n} } from './${n}.js';`),
    '',
    `export const migrationsList = [${names.map((n) => `{ name: '${n}', class: ${n} }`).join(', ')}];`,
    '',
  ];
  writeFileSync('migrations/index.ts', lines.join('\n'));
}

main().catch(exitOnStartupError);
