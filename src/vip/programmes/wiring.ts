import { subscribeVipSpend } from './spend.js';

let unwire: (() => void) | undefined;

/** Subscribes 'vip.spend' to the outbox at start (the job worker's outbox_relay delivers); wiring again replaces it. */
export function wireVip(): void {
  unwire?.();
  unwire = subscribeVipSpend();
}
