import { errorCodes, userErrorType } from '../../shared/user-errors.js';

export const DrawErrorCode = errorCodes('DrawErrorCode', {
  NOT_FOUND: 'No such drop (within your brands, for staff), or it has no draw.',
  INVALID: 'The value is malformed or breaks a rule (see message).',
  NOT_ELIGIBLE: 'The drop is restricted to tiers you do not hold, or you are not signed in.',
  NOT_OPEN_YET: 'The drop has not opened for you yet (see message for when it does).',
  MARKET_EXCLUDED: 'The drop is not released in this store (the x-store header).',
  ENTRY_CLOSED: 'Entries are closed: the entry window ended, the draw was run or the drop ended.',
  ALREADY_ENTERED: 'You have entered this draw already (one entry per customer).',
  INVALID_TRANSITION: 'The drop or its draw is not in a state that allows this (see message).',
  PAYMENT_DECLINED: 'The entry deposit was declined; no entry was made.',
  PAYMENT_UNAVAILABLE: 'The payment provider could not be reached; no entry was made and nothing was charged.',
});

export const DrawUserError = userErrorType('DrawUserError', DrawErrorCode);
