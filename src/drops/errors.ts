import { errorCodes, userErrorType } from '../shared/user-errors.js';

export const DropErrorCode = errorCodes('DropErrorCode', {
  NOT_FOUND: 'No such drop, variant of the drop, reservation, product or store (within your brands, for staff).',
  INVALID: 'The value is malformed or breaks a rule (see message).',
  TAKEN: 'The handle is used by another drop.',
  NOT_ELIGIBLE: 'The drop is restricted to tiers you do not hold, or you are not signed in.',
  NOT_OPEN_YET: 'The drop has not opened for you yet (see message for when it does).',
  ENDED: 'The drop has ended or was cancelled.',
  LIMIT_EXCEEDED: 'You would hold or own more units of this drop than its per-customer limit (all stores together).',
  SOLD_OUT: 'No unit of this variant is available any more.',
  MARKET_EXCLUDED: 'The drop is not released in this store (the x-store header).',
  RESERVATION_EXPIRED: 'The reservation is no longer active (expired, released or already checked out).',
  PAYMENT_DECLINED: 'The payment was declined; the units stay reserved until the reservation expires.',
  PAYMENT_UNAVAILABLE: 'The payment provider could not be reached; nothing was charged.',
  INVALID_TRANSITION: 'The drop or reservation is not in a state that allows this change.',
  STATE_CHANGED: 'Another request changed it meanwhile; read it again.',
});

export const DropUserError = userErrorType('DropUserError', DropErrorCode);
