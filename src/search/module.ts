import type { DomainModule } from '../shared/module.js';
import { searchEntities } from './entities/search-index.entity.js';
import { SearchResolver } from './search.resolver.js';

/** Product discovery; the engine itself is wired as a port at start (wiring.ts). */
export const searchModule: DomainModule = {
  name: 'search',
  entities: searchEntities,
  storefront: [SearchResolver],
};
