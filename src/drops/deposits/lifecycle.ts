import { defineMachine } from '../../shared/state-machine.js';
import { DepositStatus } from './entities.js';

const { AWAITING_BALANCE, BALANCE_PAID, FORFEITED, REFUNDED, VOIDED } = DepositStatus;

/**
 * A deposit ends exactly once: the balance paid, or at the deadline forfeited or refunded (per the
 * drop), or voided by dropCancel. Every move is a compare-and-set on the locked row.
 */
export const depositLifecycle = defineMachine({
  name: 'drop_deposit',
  states: [AWAITING_BALANCE, BALANCE_PAID, FORFEITED, REFUNDED, VOIDED],
  events: ['pay_balance', 'forfeit', 'refund', 'void'],
  initial: AWAITING_BALANCE,
  terminal: [BALANCE_PAID, FORFEITED, REFUNDED, VOIDED],
  transitions: [
    { event: 'pay_balance', from: AWAITING_BALANCE, to: BALANCE_PAID },
    { event: 'forfeit', from: AWAITING_BALANCE, to: FORFEITED },
    { event: 'refund', from: AWAITING_BALANCE, to: REFUNDED },
    { event: 'void', from: AWAITING_BALANCE, to: VOIDED },
  ],
});
