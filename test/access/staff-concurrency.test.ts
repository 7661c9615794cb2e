import { StaffRole } from '../../src/shared/roles.js';
import { StaffUserCreateDocument } from '../generated/admin.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { count, PASSWORD, staff } from './support.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('parallel staffUserCreate with one email: one user and TAKEN userErrors, never an internal error', async () => {
  const { headers } = await staff(server, StaffRole.PLATFORM_ADMIN, []);
  const input = { email: 'twice@example.com', password: PASSWORD, role: 'PLATFORM_ADMIN' as const, brandIds: [] };
  const results = await Promise.all(Array.from({ length: 6 }, () => server.gql('admin', StaffUserCreateDocument, { input }, headers)));
  expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
  const created = results.filter((r) => r.data?.staffUserCreate.staffUser);
  expect(created).toHaveLength(1);
  for (const r of results.filter((r) => !r.data?.staffUserCreate.staffUser)) {
    expect(r.data?.staffUserCreate.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN', field: ['input', 'email'] })]);
  }
  expect(await count(server, `staff_user where email = 'twice@example.com'`)).toBe(1);
});
