import { startTestServer } from '../support/server.js';
import { searchContract } from './contract.js';
import { describeMeili, dropIndexes, meiliLegName, relay, uniqueIndex, useMeilisearch } from './meili-support.js';

const index = uniqueIndex('contract');

describeMeili(meiliLegName('search contract: Meilisearch engine'), () => {
  searchContract(
    async () => {
      const server = await startTestServer();
      const engine = await useMeilisearch(server, index);
      expect(server.app.ports.search).toBe(engine);
      return { server, sync: () => relay(server).then(() => undefined) };
    },
    async (target) => {
      await dropIndexes(index);
      await target.server.close();
    },
  );
});
