import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createStaffUser } from '../../access/access.service.js';
import { StaffRole } from '../../shared/roles.js';
import { DomainError } from '../../shared/user-errors.js';
import { exitOnStartupError, StartupError } from '../boot.js';
import { loadConfig } from '../../shared/config.js';
import { openDatabase } from '../database.js';
import { openOrm } from '../orm.config.js';

/** npm run admin:create -- --email ops@example.com [--password ...]: the first platform admin. */
async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' } } });
  if (!values.email) throw new StartupError('Usage: npm run admin:create -- --email <email> [--password <password>]');
  const password = values.password ?? process.env.ADMIN_PASSWORD;
  if (!password || password.length < 12) {
    throw new StartupError('Give a password of at least 12 characters with --password or ADMIN_PASSWORD');
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  const orm = await openOrm(database.url, 2);
  try {
    await orm.migrator.up();
    const user = await createStaffUser(orm.em.fork(), { email: values.email, password, role: StaffRole.PLATFORM_ADMIN, brandIds: [] });
    console.log(`Created platform admin ${user.email}. Sign in with the staffLogin mutation on /admin/graphql.`);
  } catch (err) {
    if (err instanceof DomainError) throw new StartupError(err.message);
    throw err;
  } finally {
    await orm.close();
    await database.stop();
  }
}

main().catch(exitOnStartupError);
