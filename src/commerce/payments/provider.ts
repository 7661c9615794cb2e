/**
 * The payment port: what checkout, orders, drops and bookings need from a payment network, whichever
 * one the configuration chooses (PAYMENT_PROVIDER; `test` is built in). Amounts are integer minor units.
 *
 * Every call carries an idempotency key: the same key returns the first outcome and never acts twice,
 * even when the calls overlap, so a caller that lost a response simply retries. A refusal by the
 * network (card declined, amount over what is left) is a result, `DECLINED` with a code; a provider
 * that cannot be reached or fails throws PaymentUnavailableError, and the caller maps it to
 * PAYMENT_UNAVAILABLE (the outcome is then unknown: retry with the same key, or `lookup` it).
 *
 * Never call a provider inside a database transaction that holds rows: a slow network would hold the
 * locks for as long as it takes.
 */

export type ProviderStatus = 'SUCCEEDED' | 'DECLINED';

export interface ProviderOutcome {
  status: ProviderStatus;
  /** The provider's id of the authorization every later call names; set on every SUCCEEDED authorize. */
  reference: string;
  /** Why it was DECLINED: card_declined, invalid_token, amount_exceeds_authorized, already_captured, ... */
  declineCode?: string;
  message?: string;
}

export interface AuthorizeRequest {
  idempotencyKey: string;
  amount: number;
  currency: string;
  /** The client-side card or wallet token (never a card number). */
  token: string;
  description?: string;
}

export interface CaptureRequest {
  idempotencyKey: string;
  reference: string;
  /** At most what is authorized and not yet captured; several partial captures are allowed. */
  amount: number;
}

export interface VoidRequest {
  idempotencyKey: string;
  reference: string;
}

export interface RefundRequest {
  idempotencyKey: string;
  reference: string;
  /** At most what is captured and not yet refunded; several partial refunds are allowed. */
  amount: number;
}

export interface PaymentProvider {
  /** The name stored on each payment (`payment.provider`). */
  readonly name: string;
  describe(): string;
  authorize(request: AuthorizeRequest): Promise<ProviderOutcome>;
  capture(request: CaptureRequest): Promise<ProviderOutcome>;
  void(request: VoidRequest): Promise<ProviderOutcome>;
  refund(request: RefundRequest): Promise<ProviderOutcome>;
  /**
   * The outcome an earlier authorize with this idempotency key reached, or null when the provider never
   * saw it. Never acts. Recovery uses it for a payment whose authorize response was lost (a crash or a
   * timeout between the call and our record), so an authorization nobody recorded is still voided.
   */
  lookup(authorizeKey: string): Promise<ProviderOutcome | null>;
}

/** The provider could not be reached or failed: nothing is known about the outcome. */
export class PaymentUnavailableError extends Error {
  readonly code = 'PAYMENT_UNAVAILABLE';
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`The payment provider is unavailable (${detail})`, options);
    this.name = 'PaymentUnavailableError';
  }
}

/** The same idempotency key was sent with a different request: a bug in the caller, never retried. */
export class IdempotencyKeyConflictError extends Error {
  constructor(key: string) {
    super(`Idempotency key ${key} was already used for a different payment request`);
    this.name = 'IdempotencyKeyConflictError';
  }
}

declare module '../../shared/context.js' {
  interface AppPorts {
    payments: PaymentProvider;
  }
}
