import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const environments = ['local', 'development', 'test', 'production'] as const;
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Secrets that appear in docs and examples; a production start with one of them refuses to run. */
const KNOWN_DEFAULT_SECRETS = new Set([
  'changeme',
  'change-me',
  'changethis',
  'secret',
  'secret-key',
  'spanner',
  'replace-me-with-a-long-random-string',
]);
const MIN_SECRET_LENGTH = 32;
const DEFAULT_MAIL_FROM = 'Spanner CRM <no-reply@localhost>';

/** Empty strings count as unset, so `FOO=` in an env file means "use the default". */
const optionalString = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());

function withDefault<T extends z.ZodType>(schema: T, fallback: z.input<T>) {
  return z.preprocess((value) => (value === '' || value === undefined ? fallback : value), schema);
}

const urlWithProtocols = (protocols: string[]) =>
  z.url({ protocol: new RegExp(`^(${protocols.join('|')})$`) });

/** A count per window; at least 1, since a limit of 0 would lock everyone out. */
const rateLimit = (fallback: number) => withDefault(z.coerce.number().int().min(1), fallback);

/** proxy-addr's names for the private ranges, accepted by Fastify next to addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(value: string): boolean {
  if (PROXY_RANGE_NAMES.has(value) || isIP(value) !== 0) return true;
  const [address = '', bits, ...rest] = value.split('/');
  const maxBits = isIP(address) === 4 ? 32 : isIP(address) === 6 ? 128 : 0;
  return rest.length === 0 && maxBits > 0 && /^\d{1,3}$/.test(bits ?? '') && Number(bits) <= maxBits;
}

/**
 * Fastify's trustProxy: every proxy (true), none (false), or these addresses. No hop count:
 * Fastify ignores one, since a direct client could then claim any address.
 */
const trustProxySchema = z.string().transform((value, ctx): boolean | string[] => {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  const addresses = splitList(trimmed);
  for (const address of addresses.filter((item) => !isProxyAddress(item))) {
    const message = /^\d+$/.test(address)
      ? 'a hop count is not supported; name the proxies (IP addresses, CIDR ranges or uniquelocal)'
      : `"${address}" is not true/false, an IP address, a CIDR range or loopback/linklocal/uniquelocal`;
    ctx.addIssue({ code: 'custom', message });
  }
  return addresses;
});

const envSchema = z
  .object({
    ENVIRONMENT: withDefault(z.enum(environments), 'local'),
    PORT: withDefault(z.coerce.number().int().min(0).max(65535), 3000),
    HOST: optionalString,
    DATA_DIR: withDefault(z.string(), './data'),
    DATABASE_URL: z.preprocess(
      (value) => (value === '' ? undefined : value),
      urlWithProtocols(['postgres', 'postgresql']).optional(),
    ),
    MIGRATION_DATABASE_URL: z.preprocess(
      (value) => (value === '' ? undefined : value),
      urlWithProtocols(['postgres', 'postgresql']).optional(),
    ),
    DATABASE_STATEMENT_TIMEOUT_MS: withDefault(z.coerce.number().int().min(0), 30_000),
    REDIS_URL: z.preprocess((value) => (value === '' ? undefined : value), urlWithProtocols(['redis', 'rediss']).optional()),
    REDIS_KEY_PREFIX: withDefault(z.string().regex(/^[\w:.-]+$/, 'letters, digits, _ : . - only'), 'spanner'),
    CORS_ORIGINS: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .transform(splitList)
        .pipe(z.array(z.string().refine(isOrigin, { error: (issue) => `"${String(issue.input)}" is not an origin (scheme://host[:port], no path)` })))
        .optional(),
    ),
    SECRET_KEY: optionalString,
    LOG_LEVEL: withDefault(z.enum(logLevels), 'info'),
    ACCESS_TOKEN_EXPIRE_MINUTES: withDefault(z.coerce.number().int().min(1).max(24 * 60), 15),
    REFRESH_TOKEN_EXPIRE_DAYS: withDefault(z.coerce.number().int().min(1).max(365), 7),
    REFRESH_SESSION_MAX_DAYS: withDefault(z.coerce.number().int().min(1).max(365), 30),
    PUBLIC_URL: z.preprocess((value) => (value === '' ? undefined : value), urlWithProtocols(['http', 'https']).optional()),
    TRUST_PROXY: withDefault(trustProxySchema, 'false'),
    SMTP_URL: z.preprocess((value) => (value === '' ? undefined : value), urlWithProtocols(['smtp', 'smtps']).optional()),
    MAIL_FROM: withDefault(z.string().includes('@', { error: 'must be an address, like Spanner CRM <crm@example.com>' }), DEFAULT_MAIL_FROM),
    RATE_LIMIT_AUTH_PER_IP: rateLimit(30),
    RATE_LIMIT_AUTH_PER_ACCOUNT: rateLimit(10),
    RATE_LIMIT_API_KEY_PER_IP: rateLimit(1200),
    RATE_LIMIT_API_KEY_PER_KEY: rateLimit(600),
    RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: rateLimit(100),
    RATE_LIMIT_INVITATIONS_PER_USER: rateLimit(20),
    RATE_LIMIT_INVITATIONS_PER_ORGANIZATION: rateLimit(100),
    RATE_LIMIT_VERIFICATION_MAILS_PER_USER: rateLimit(3),
  })
  .superRefine(
    (env, ctx) => {
      // The embedded database has one user; a second URL would be silently ignored.
      if (env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
        ctx.addIssue({ code: 'custom', path: ['MIGRATION_DATABASE_URL'], message: 'needs DATABASE_URL too (the server\'s own login); the embedded database has a single user' });
      }
      if (env.ENVIRONMENT !== 'production') return;
    if (!env.SECRET_KEY) {
      ctx.addIssue({ code: 'custom', path: ['SECRET_KEY'], message: 'is required in production' });
    } else if (KNOWN_DEFAULT_SECRETS.has(env.SECRET_KEY.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['SECRET_KEY'], message: 'is a known default; generate one with `openssl rand -hex 32`' });
    } else if (env.SECRET_KEY.length < MIN_SECRET_LENGTH) {
      ctx.addIssue({ code: 'custom', path: ['SECRET_KEY'], message: `must be at least ${MIN_SECRET_LENGTH} characters in production` });
    }
    // The development mailbox keeps mail in the database where nobody reads it: production must send.
    if (!env.SMTP_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required in production (smtp://user:password@host:587); the development mailbox is only for local, development and test' });
    }
    },
    // Also when other variables are invalid, so one start reports every problem.
    { when: () => true },
  );

export type Environment = (typeof environments)[number];

export interface Config {
  environment: Environment;
  port: number;
  host: string;
  dataDir: string;
  /** The server's login: neither superuser nor table owner nor BYPASSRLS in a two-role setup. */
  databaseUrl: string | undefined;
  /** The schema owner's login, for migrations only; DATABASE_URL when there is one user. */
  migrationDatabaseUrl: string | undefined;
  /** Cancels a runtime statement after this long (0: never); migrations run without it. */
  databaseStatementTimeoutMs: number;
  redisUrl: string | undefined;
  redisKeyPrefix: string;
  corsOrigins: string[];
  /** Undefined until `resolveSecretKey` fills it from `DATA_DIR` outside production. */
  secretKey: string | undefined;
  logLevel: (typeof logLevels)[number];
  publicUrl: string;
  accessTokenMinutes: number;
  refreshTokenDays: number;
  /** A login session ends this long after sign-in, however often it is refreshed. */
  refreshSessionMaxDays: number;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe for `request.ip`. */
  trustProxy: boolean | string[];
  /** Unset: mail goes to the development mailbox (never in production). */
  smtpUrl: string | undefined;
  mailFrom: string;
  rateLimits: RateLimitConfig;
}

/** Attempts allowed per window (rate-limit.ts names each window's length). */
export interface RateLimitConfig {
  authPerIp: number;
  authPerAccount: number;
  apiKeyPerIp: number;
  apiKeyPerKey: number;
  loginFailuresPerAccount: number;
  invitationsPerUser: number;
  invitationsPerOrganization: number;
  verificationMailsPerUser: number;
}

/** Every problem with the environment, gathered so one start tells the operator everything. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function isOrigin(value: string): boolean {
  return URL.canParse(value) && new URL(value).origin === value;
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function defaultCorsOrigins(environment: Environment): string[] {
  return environment === 'local' || environment === 'development'
    ? ['http://localhost:5173', 'http://127.0.0.1:5173']
    : [];
}

/**
 * Outside production the server answers only this machine: a laptop's development mailbox and
 * generated secret must not be reachable from the network. Containers set HOST=0.0.0.0 themselves.
 */
function defaultHost(environment: Environment): string {
  return environment === 'production' ? '0.0.0.0' : '127.0.0.1';
}

/** Parses the environment once; the result is passed down, nothing else reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    // Name the variable, not the position inside it (CORS_ORIGINS, not CORS_ORIGINS.1).
    throw new ConfigError(parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`));
  }
  const values = parsed.data;
  return {
    environment: values.ENVIRONMENT,
    port: values.PORT,
    host: values.HOST ?? defaultHost(values.ENVIRONMENT),
    dataDir: path.resolve(values.DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    migrationDatabaseUrl: values.MIGRATION_DATABASE_URL ?? values.DATABASE_URL,
    databaseStatementTimeoutMs: values.DATABASE_STATEMENT_TIMEOUT_MS,
    redisUrl: values.REDIS_URL,
    redisKeyPrefix: values.REDIS_KEY_PREFIX,
    corsOrigins: values.CORS_ORIGINS ?? defaultCorsOrigins(values.ENVIRONMENT),
    secretKey: values.SECRET_KEY,
    logLevel: values.LOG_LEVEL,
    accessTokenMinutes: values.ACCESS_TOKEN_EXPIRE_MINUTES,
    refreshTokenDays: values.REFRESH_TOKEN_EXPIRE_DAYS,
    refreshSessionMaxDays: values.REFRESH_SESSION_MAX_DAYS,
    publicUrl: (values.PUBLIC_URL ?? `http://localhost:${values.PORT}`).replace(/\/$/, ''),
    trustProxy: values.TRUST_PROXY,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    rateLimits: {
      authPerIp: values.RATE_LIMIT_AUTH_PER_IP,
      authPerAccount: values.RATE_LIMIT_AUTH_PER_ACCOUNT,
      apiKeyPerIp: values.RATE_LIMIT_API_KEY_PER_IP,
      apiKeyPerKey: values.RATE_LIMIT_API_KEY_PER_KEY,
      loginFailuresPerAccount: values.RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT,
      invitationsPerUser: values.RATE_LIMIT_INVITATIONS_PER_USER,
      invitationsPerOrganization: values.RATE_LIMIT_INVITATIONS_PER_ORGANIZATION,
      verificationMailsPerUser: values.RATE_LIMIT_VERIFICATION_MAILS_PER_USER,
    },
  };
}

/**
 * Outside production a missing SECRET_KEY is generated once and kept in DATA_DIR, so sessions
 * survive restarts on a laptop without anyone choosing a secret. Tests get a fresh one in memory.
 */
export function resolveSecretKey(config: Config): Config {
  if (config.secretKey) return config;
  if (config.environment === 'test') return { ...config, secretKey: randomBytes(32).toString('hex') };
  const file = path.join(config.dataDir, 'secret-key');
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      mkdirSync(config.dataDir, { recursive: true });
      return resolveSecretKey(config);
    }
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { ...config, secretKey: readFileSync(file, 'utf8').trim() };
}

/** Names of the variables the schema knows; the compose test checks deploy files against it. */
export const configVariableNames = Object.keys(envSchema.shape);
