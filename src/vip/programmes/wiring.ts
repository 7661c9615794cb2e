import { subscribeVipInvitations } from './invitations.js';
import { subscribeVipSpend } from './spend.js';

let unwire: (() => void)[] = [];

/** Subscribes 'vip.spend' and 'vip.invitations' to the outbox at start (the job worker's outbox_relay delivers); wiring again replaces them. */
export function wireVip(): void {
  for (const off of unwire) off();
  unwire = [subscribeVipSpend(), subscribeVipInvitations()];
}
