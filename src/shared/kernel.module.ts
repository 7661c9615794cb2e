import { IdempotencyRecord } from './idempotency.js';
import type { DomainModule } from './module.js';
import { OutboxCursor, OutboxEvent, relayOutbox } from './outbox.js';
import { SeedHistory } from './seed-history.js';
import { StateTransition } from './state-transition.entity.js';

/** The kernel's own tables and jobs: outbox, idempotency records, seed history, state transitions. */
export const kernelModule: DomainModule = {
  name: 'kernel',
  entities: [OutboxEvent, OutboxCursor, IdempotencyRecord, SeedHistory, StateTransition],
  tasks: {
    outbox_relay: async (app) => {
      await relayOutbox(app.orm.em.fork());
    },
  },
  // Picks up outbox events whose relay job failed for good.
  schedules: ['* * * * * outbox_relay ?jobKey=outbox_relay&jobKeyMode=preserve_run_at'],
};
