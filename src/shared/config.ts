import { z } from 'zod';
import { isIP } from 'node:net';

const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, `must be a ${protocols.join(' or ')} URL`);

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
/** What express's `trust proxy` list accepts: a name, an address, or an address/prefix. */
const isTrustedProxy = (entry: string) => {
  const [address, prefix, rest] = entry.split('/');
  return PROXY_NAMES.has(entry) || (rest === undefined && isIP(address) !== 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix)));
};

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(16),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54320),
  MEILI_URL: url(['http:', 'https:']).optional(),
  MEILI_API_KEY: z.string().optional(),
  MEILI_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SIGNING_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().min(60).default(3600),
  SIGN_IN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).max(1000).default(5),
  SIGN_IN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(20),
  SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  VERIFY_AUTHENTICITY_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  /**
   * Which proxies' X-Forwarded-For to believe for the client IP (per-IP limits), as express's `trust proxy`:
   * unset or "false" none (the socket's address), "true" all, a hop count, or addresses and subnets
   * ("loopback, 10.0.0.0/8").
   */
  TRUST_PROXY: z.string().trim().min(1).optional().transform((v): boolean | number | string[] =>
    v === undefined || v === 'false' ? false : v === 'true' ? true : /^\d+$/.test(v) ? Number(v) : v.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((v) => !Array.isArray(v) || v.every(isTrustedProxy), 'must be true, false, a hop count, or addresses, subnets (a.b.c.d/n) and loopback, linklocal or uniquelocal separated by commas'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED: z.enum(['demo', 'none']).default('demo'),
  JOBS: z.enum(['in-process', 'off']).default('in-process'),
  PAYMENT_PROVIDER: z.enum(['test']).default('test'),
  TEST_PAYMENT_SLOW_MS: z.coerce.number().int().min(0).max(600_000).default(3000),
  STOREFRONT_URL: url(['http:', 'https:']).default('http://localhost:3000'),
  CHECKOUT_HOLD_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  DROP_RESERVATION_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
});

export type Config = z.infer<typeof schema> & { jwtSecret: string; signingKeySecret: string };

export class ConfigError extends Error {}

/** Published in this repository: fine for development and tests, refused in production. */
export const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';
/** Encrypts brands' certificate signing keys at rest; published too, so refused in production like DEV_JWT_SECRET. */
export const DEV_SIGNING_KEY_SECRET = 'dev-only-signing-key-secret-0123456789abcdef';

/** Validates the environment; a bad value throws one ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    throw new ConfigError(`Invalid environment variable ${name}=${JSON.stringify(env[name])}: ${issue.message}`);
  }
  const cfg = parsed.data;
  if (cfg.NODE_ENV === 'production' && !cfg.JWT_SECRET) {
    throw new ConfigError('Missing environment variable JWT_SECRET: required when NODE_ENV=production');
  }
  if (cfg.NODE_ENV === 'production' && cfg.JWT_SECRET === DEV_JWT_SECRET) {
    throw new ConfigError('Invalid environment variable JWT_SECRET: the published development secret cannot be used when NODE_ENV=production');
  }
  if (cfg.NODE_ENV === 'production' && !cfg.SIGNING_KEY_SECRET) {
    throw new ConfigError('Missing environment variable SIGNING_KEY_SECRET: required when NODE_ENV=production');
  }
  if (cfg.NODE_ENV === 'production' && cfg.SIGNING_KEY_SECRET === DEV_SIGNING_KEY_SECRET) {
    throw new ConfigError('Invalid environment variable SIGNING_KEY_SECRET: the published development secret cannot be used when NODE_ENV=production');
  }
  return { ...cfg, jwtSecret: cfg.JWT_SECRET ?? DEV_JWT_SECRET, signingKeySecret: cfg.SIGNING_KEY_SECRET ?? DEV_SIGNING_KEY_SECRET };
}
