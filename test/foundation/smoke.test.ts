import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('both endpoints answer { __typename }', async () => {
  expect((await server.gql('storefront', '{ __typename }')).data).toEqual({ __typename: 'Query' });
  expect((await server.gql('admin', '{ __typename }')).data).toEqual({ __typename: 'Query' });
});
