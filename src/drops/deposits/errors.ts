import { errorCodes, userErrorType } from '../../shared/user-errors.js';

export const DepositErrorCode = errorCodes('DepositErrorCode', {
  NOT_FOUND: 'No such deposit of yours.',
  INVALID: 'The value is malformed or breaks a rule (see message).',
  NOT_OPEN_YET: 'The balance window has not opened yet (see message for when it does).',
  BALANCE_OVERDUE: 'The balance was due and not paid: the deposit was settled per the drop (forfeited or refunded) and the units went back on sale.',
  MARKET_EXCLUDED: 'Pay the balance in the store the deposit was paid in (the x-store header).',
  PAYMENT_DECLINED: 'The payment was declined; the deposit still awaits its balance until the deadline.',
  PAYMENT_UNAVAILABLE: 'The payment provider could not be reached; nothing was charged.',
  INVALID_TRANSITION: 'The deposit is not awaiting its balance (paid already, or voided when the drop was cancelled).',
  STATE_CHANGED: 'Another request changed it meanwhile; read it again.',
});

export const DepositUserError = userErrorType('DepositUserError', DepositErrorCode);
