import { wirePayments } from '../commerce/payments/wiring.js';
import { conciergeEditionHolds } from '../drops/concierge-holds.js';
import { wireSearch } from '../search/wiring.js';
import { wireConcierge } from '../vip/concierge/wiring.js';
import { remoteSelling } from '../vip/concierge/remote-selling.service.js';
import { wireVip } from '../vip/programmes/wiring.js';
import type { App } from '../shared/context.js';

/** Connects the ports domains declare (search engine, ...) to their adapters, per configuration. */
export async function wirePorts(app: App): Promise<void> {
  app.ports.search = await wireSearch(app);
  app.ports.payments = wirePayments(app);
  app.ports.attribution = remoteSelling;
  app.ports.editionHolds = conciergeEditionHolds;
  wireConcierge();
  wireVip();
}
