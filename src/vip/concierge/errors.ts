import { errorCodes, userErrorType } from '../../shared/user-errors.js';

export const ConciergeErrorCode = errorCodes('ConciergeErrorCode', {
  NOT_FOUND: 'No such client, staff member, variant, location, tier, hold, appointment or invitation within your brands.',
  INVALID: 'The value is malformed or breaks a rule (see message).',
  FORBIDDEN: 'Your role may not do this (e.g. a concierge deciding an invitation).',
  WRONG_BRAND: 'The variant, store or staff member is not of the client\'s brand.',
  NOT_A_BOUTIQUE: 'Appointments take place at a live boutique of a store carrying the brand.',
  STAFF_UNAVAILABLE: 'The concierge already has an appointment overlapping this time.',
  OUT_OF_STOCK: "Fewer units are available at the location (or, for a variant of a live drop, left in the drop's edition) than asked.",
  LIMIT_EXCEEDED: "The client would hold or own more units of the variant's drop than its per-customer limit (reservations, draw wins and holds together).",
  MARKET_EXCLUDED: "The variant's drop is not released in the store of the hold's location.",
  NOT_INVITE_ONLY: 'Only invite-only tiers are reached by invitation.',
  ALREADY_INVITED: 'The client already has a pending invitation to this tier.',
  INVALID_TRANSITION: 'The hold, appointment or invitation is not in a state that allows this change.',
  STATE_CHANGED: 'Another request changed it meanwhile; read it again.',
  CART_REFUSED: 'The cart could not be prepared (see message from the cart rules).',
});

export const ConciergeUserError = userErrorType('ConciergeUserError', ConciergeErrorCode);
