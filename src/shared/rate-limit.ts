import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { App } from './context.js';
import { CodedError } from './errors.js';
import { sha256 } from './crypto.js';
import { DomainError, payload, type Payload } from './user-errors.js';

/** The counters' tables (migrations Migration20261201100000, Migration20261202000600): shared by every server process. */
const STORE = { schemaName: 'rate_limit', tableName: 'sign_in_attempt', tableCreated: true } as const;
const REQUEST_STORE = { schemaName: 'rate_limit', tableName: 'request_count', tableCreated: true } as const;

/** A sign-in refused because too many attempts failed lately: nothing was checked. */
export class ThrottledError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('THROTTLED', `Too many failed sign-in attempts: try again in ${retryAfterSeconds} seconds`, ['input']);
  }
}

/** A rate-limiter-flexible counter in one of our PostgreSQL tables, on the app's pool. */
async function postgresLimiter(app: App, store: typeof STORE | typeof REQUEST_STORE, opts: { keyPrefix: string; points: number; duration: number }) {
  const pool = await app.orm.em.getConnection().getNativeClient();
  return new RateLimiterPostgres({ ...store, storeClient: pool, storeType: 'pool', ...opts });
}

interface SignInLimiters {
  byEmail: RateLimiterPostgres;
  byIp: RateLimiterPostgres;
}

const limiters = new WeakMap<App, Promise<SignInLimiters>>();

function limitersOf(app: App): Promise<SignInLimiters> {
  let created = limiters.get(app);
  if (!created) {
    created = (async () => {
      const duration = app.config.SIGN_IN_WINDOW_SECONDS;
      return {
        byEmail: await postgresLimiter(app, STORE, { keyPrefix: 'email', points: app.config.SIGN_IN_MAX_FAILURES_PER_EMAIL, duration }),
        byIp: await postgresLimiter(app, STORE, { keyPrefix: 'ip', points: app.config.SIGN_IN_MAX_FAILURES_PER_IP, duration }),
      };
    })();
    limiters.set(app, created);
  }
  return created;
}

export interface SignInAttempt {
  /** Whose accounts: "staff" or "customer" keep separate counters per email. */
  audience: string;
  email: string;
  clientIp: string | null;
}

/**
 * Runs one sign-in under the limits: failures count per email (per audience) and per client IP over
 * SIGN_IN_WINDOW_SECONDS. Every attempt takes a point up front (one atomic upsert per counter, so
 * parallel guesses cannot slip past a read-then-write check); a success gives the IP's point back and
 * clears the email's counter. Over either limit the attempt is a THROTTLED userError and `verify` never runs.
 */
export async function limitSignIn<T>(app: App, attempt: SignInAttempt, verify: () => Promise<T>): Promise<T> {
  const { byEmail, byIp } = await limitersOf(app);
  // Hashed: the counters hold no email addresses, and keys stay within the column's 255 characters.
  const emailKey = `${attempt.audience}:${sha256(attempt.email.trim().toLowerCase())}`;
  const consumed = await Promise.allSettled([byEmail.consume(emailKey), ...(attempt.clientIp ? [byIp.consume(attempt.clientIp)] : [])]);
  const refusals = consumed.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  const storeFailure = refusals.find((reason) => !(reason instanceof RateLimiterRes));
  if (storeFailure) throw storeFailure;
  if (refusals.length) {
    const waitMs = Math.max(...(refusals as RateLimiterRes[]).map((r) => r.msBeforeNext));
    throw new ThrottledError(Math.max(1, Math.ceil(waitMs / 1000)));
  }
  const result = await verify();
  await Promise.all([byEmail.delete(emailKey), ...(attempt.clientIp ? [byIp.reward(attempt.clientIp, 1)] : [])]);
  return result;
}

/** payload() for sign-in mutations: a THROTTLED refusal also says, as a number, how long to wait. */
export async function signInPayload<T extends object>(
  input: object,
  run: () => Promise<T>,
): Promise<T & Payload & { retryAfterSeconds: number | null }> {
  let retryAfterSeconds: number | null = null;
  const result = await payload(input, () =>
    run().catch((err: unknown) => {
      if (err instanceof ThrottledError) retryAfterSeconds = err.retryAfterSeconds;
      throw err;
    }),
  );
  return { ...result, retryAfterSeconds };
}

const requestLimiters = new WeakMap<App, Map<string, Promise<RateLimiterPostgres>>>();

/**
 * Counts one request of kind `name` for `key` (a client address) against `points` a minute, in
 * PostgreSQL (one atomic upsert; every process shares the counter). Over it: a THROTTLED GraphQL error
 * (HTTP 429) with `retryAfterSeconds`, before the request did anything.
 */
export async function limitRequest(app: App, name: string, key: string, points: number): Promise<void> {
  let byName = requestLimiters.get(app);
  if (!byName) requestLimiters.set(app, (byName = new Map()));
  let limiter = byName.get(name);
  if (!limiter) {
    limiter = postgresLimiter(app, REQUEST_STORE, { keyPrefix: name, points, duration: 60 });
    byName.set(name, limiter);
  }
  try {
    await (await limiter).consume(key);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const retryAfterSeconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw new CodedError(`Too many requests from this address: try again in ${retryAfterSeconds} seconds`, 'THROTTLED', { retryAfterSeconds });
  }
}
