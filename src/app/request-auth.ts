import express from 'express';
import { currentStaff, verifyApiKey } from '../access/access.service.js';
import { customerTokenValid } from '../commerce/customers/customer.service.js';
import { resolveViewer, type CredentialChecks } from '../shared/auth.js';
import type { App, Viewer } from '../shared/context.js';

/** The account checks behind every token and key, owned by the domains that keep the accounts. */
export const credentialChecks: CredentialChecks = { apiKey: verifyApiKey, staff: currentStaff, customer: customerTokenValid };

type Outcome = { viewer: Viewer } | { error: unknown };
const outcomes = new WeakMap<express.Request, Outcome>();

function header(req: express.Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Resolves the caller before the body is read, then parses JSON with the limit that caller earns: staff
 * and API keys get `authenticated` (bulk catalogImport), anyone else (no credentials, a customer, a bad
 * token) only `anonymous`, so strangers cannot make the process buffer large bodies. A credential error
 * is kept and raised by the GraphQL context, as before. A refused body (too large, malformed JSON) is a
 * GraphQL-style JSON error with the parser's status (413, 400).
 */
export function authenticateThenParseJson(
  app: App,
  limits: { authenticated: string; anonymous: string },
): [express.RequestHandler, express.ErrorRequestHandler] {
  const large = express.json({ limit: limits.authenticated });
  const small = express.json({ limit: limits.anonymous });
  const authenticate: express.RequestHandler = async (req, res, next) => {
    let outcome: Outcome;
    try {
      outcome = { viewer: await resolveViewer(app, { authorization: header(req, 'authorization'), apiKey: header(req, 'x-api-key') }, credentialChecks) };
    } catch (error) {
      outcome = { error };
    }
    outcomes.set(req, outcome);
    (trusted(outcome) ? large : small)(req, res, next);
  };
  const refuseBody: express.ErrorRequestHandler = (err: { type?: string; status?: number }, req, res, next) => {
    if (!err?.type || !err.status || err.status >= 500) return next(err);
    const tooLarge = err.type === 'entity.too.large';
    const outcome = outcomes.get(req);
    const limit = outcome && trusted(outcome) ? limits.authenticated : limits.anonymous;
    const message = tooLarge
      ? `Request body too large: at most ${limit}` + (limit === limits.authenticated ? '' : ` (${limits.authenticated} with staff or API key credentials)`)
      : 'Malformed request body: expected JSON';
    res.status(err.status).json({ errors: [{ message, extensions: { code: tooLarge ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST' } }] });
  };
  return [authenticate, refuseBody];
}

const trusted = (outcome: Outcome) => 'viewer' in outcome && (outcome.viewer.kind === 'staff' || outcome.viewer.kind === 'apiKey');

/** The viewer authenticateThenParseJson resolved for this request (or its credential error, thrown). */
export function viewerOf(req: express.Request): Viewer {
  const outcome = outcomes.get(req);
  if (!outcome) throw new Error('viewerOf: authenticateThenParseJson did not run for this request');
  if ('error' in outcome) throw outcome.error;
  return outcome.viewer;
}
