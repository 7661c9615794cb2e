import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const meili = globalThis.__flagshipMeili;
  if (meili) {
    meili.child.kill('SIGTERM');
    rmSync(meili.dir, { recursive: true, force: true });
  }
  const pg = globalThis.__flagshipPg;
  if (pg) {
    await pg.pg.stop();
    rmSync(pg.dir, { recursive: true, force: true });
  }
}
