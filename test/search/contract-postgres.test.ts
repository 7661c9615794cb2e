import { startTestServer } from '../support/server.js';
import { searchContract } from './contract.js';

describe('search contract: PostgreSQL engine', () => {
  searchContract(
    async () => {
      const server = await startTestServer();
      expect(server.app.ports.search?.kind).toBe('postgres');
      return { server, sync: async () => {} };
    },
    (target) => target.server.close(),
  );
});
