import { randomUUID } from 'node:crypto';
import { createStaffUser } from '../../src/access/access.service.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { StaffRole } from '../../src/shared/roles.js';
import { StaffLoginDocument } from '../generated/admin.js';
import type { TestServer } from '../support/server.js';

export const PASSWORD = 'correct horse battery staple';
export type Headers = Record<string, string>;
export const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` });

export async function login(server: TestServer, email: string, password = PASSWORD): Promise<Headers> {
  const res = await server.gql('admin', StaffLoginDocument, { input: { email, password } });
  const token = res.data?.staffLogin.accessToken;
  if (!token) throw new Error(`staffLogin failed for ${email}: ${JSON.stringify(res)}`);
  return bearer(token);
}

/** A staff member in the database and signed in over HTTP. */
export async function staff(server: TestServer, role: StaffRole, brandIds: string[]) {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`;
  const user = await createStaffUser(server.db.orm.em.fork(), { email, password: PASSWORD, role, brandIds });
  return { id: user.id, email, headers: await login(server, email) };
}

/** Two brands (as raw ids and global ids) and their staff. */
export async function twoBrands(server: TestServer) {
  const a = randomUUID();
  const b = randomUUID();
  return {
    a,
    b,
    aId: toGlobalId('Brand', a),
    bId: toGlobalId('Brand', b),
    platform: await staff(server, StaffRole.PLATFORM_ADMIN, []),
    adminA: await staff(server, StaffRole.BRAND_ADMIN, [a]),
    adminAB: await staff(server, StaffRole.BRAND_ADMIN, [a, b]),
    conciergeA: await staff(server, StaffRole.CONCIERGE, [a]),
  };
}

export async function count(server: TestServer, sqlFrom: string): Promise<number> {
  const [row] = await server.db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from ${sqlFrom}`);
  return Number(row.n);
}

/** The one GraphQL error of a response. */
export function onlyError(res: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) {
  expect(res.errors).toHaveLength(1);
  return res.errors![0];
}
