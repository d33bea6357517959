import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveSecretKey } from './config.js';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the configuration to be rejected');
}

const production = { ENVIRONMENT: 'production', SMTP_URL: 'smtp://mail.example.com:587' };

describe('loadConfig', () => {
  it('runs locally on the embedded database with no variables at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      environment: 'local',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      redisUrl: undefined,
      logLevel: 'info',
      publicUrl: 'http://localhost:3000',
      corsOrigins: ['http://localhost:5173', 'http://127.0.0.1:5173'],
    });
    expect(config.dataDir).toBe(path.resolve('./data'));
  });

  it('listens on this machine only outside production, on every interface in production, or where HOST says', () => {
    for (const environment of ['local', 'development', 'test']) expect(loadConfig({ ENVIRONMENT: environment }).host).toBe('127.0.0.1');
    expect(loadConfig({ ...production, SECRET_KEY: 'f'.repeat(64) }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '' }).host).toBe('127.0.0.1');
  });

  it('treats empty strings as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', REDIS_URL: '', ENVIRONMENT: '', SECRET_KEY: '' });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.secretKey).toBeUndefined();
  });

  it('migrates through DATABASE_URL unless MIGRATION_DATABASE_URL names the owner', () => {
    const server = 'postgres://spanner_login:pw@db:5432/crm';
    const owner = 'postgres://spanner:pw@db:5432/crm';
    expect(loadConfig({ DATABASE_URL: server })).toMatchObject({ databaseUrl: server, migrationDatabaseUrl: server });
    expect(loadConfig({ DATABASE_URL: server, MIGRATION_DATABASE_URL: owner })).toMatchObject({ databaseUrl: server, migrationDatabaseUrl: owner });
    expect(problemsOf({ MIGRATION_DATABASE_URL: owner })).toEqual([expect.stringMatching(/^MIGRATION_DATABASE_URL: needs DATABASE_URL/)]);
  });

  it('limits runtime statements to 30 seconds unless told otherwise', () => {
    expect(loadConfig({}).databaseStatementTimeoutMs).toBe(30_000);
    expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0' }).databaseStatementTimeoutMs).toBe(0);
    expect(problemsOf({ DATABASE_STATEMENT_TIMEOUT_MS: '-5' })).toEqual([expect.stringMatching(/^DATABASE_STATEMENT_TIMEOUT_MS:/)]);
  });

  it('coerces numbers and splits the CORS origins', () => {
    const config = loadConfig({ PORT: '8080', CORS_ORIGINS: 'https://a.example.com, https://b.example.com:8443', ENVIRONMENT: 'test' });
    expect(config.port).toBe(8080);
    expect(config.corsOrigins).toEqual(['https://a.example.com', 'https://b.example.com:8443']);
  });

  it('allows no cross-origin callers by default outside local and development', () => {
    expect(loadConfig({ ENVIRONMENT: 'test' }).corsOrigins).toEqual([]);
    expect(loadConfig({ ENVIRONMENT: 'development' }).corsOrigins).toContain('http://localhost:5173');
  });

  it('lists every invalid variable by name in one error', () => {
    const problems = problemsOf({
      ENVIRONMENT: 'staging',
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/crm',
      REDIS_URL: 'not a url',
      LOG_LEVEL: 'loud',
      CORS_ORIGINS: 'https://ok.example.com,https://bad.example.com/path',
      PUBLIC_URL: 'ftp://crm.example.com',
    });
    for (const name of ['ENVIRONMENT', 'PORT', 'DATABASE_URL', 'REDIS_URL', 'LOG_LEVEL', 'CORS_ORIGINS', 'PUBLIC_URL']) {
      expect(problems.some((problem) => problem.startsWith(`${name}:`))).toBe(true);
    }
    expect(problems.join('\n')).toContain('https://bad.example.com/path');
  });

  it('puts every problem in the message, one per line', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });
      } catch (caught) {
        return caught as ConfigError;
      }
    })();
    expect(error?.message).toMatch(/^Invalid configuration:\n {2}- PORT: .+\n {2}- LOG_LEVEL: .+$/);
  });

  it('requires SECRET_KEY in production', () => {
    expect(problemsOf(production)).toEqual(['SECRET_KEY: is required in production']);
  });

  it('refuses a known default secret in production', () => {
    expect(problemsOf({ ...production, SECRET_KEY: 'changeme' })[0]).toMatch(/^SECRET_KEY: is a known default/);
  });

  it('refuses a short secret in production', () => {
    expect(problemsOf({ ...production, SECRET_KEY: 'short-but-not-default' })[0]).toMatch(/^SECRET_KEY: must be at least 32/);
  });

  it('accepts a long random secret in production', () => {
    expect(loadConfig({ ...production, SECRET_KEY: 'f'.repeat(64) }).secretKey).toBe('f'.repeat(64));
  });

  it('refuses to run production without SMTP_URL, naming it', () => {
    const problems = problemsOf({ ENVIRONMENT: 'production', SECRET_KEY: 'f'.repeat(64) });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SMTP_URL: is required in production .*development mailbox/);
  });

  it('keeps mail in the development mailbox elsewhere, sent as MAIL_FROM once SMTP_URL is set', () => {
    expect(loadConfig({ ENVIRONMENT: 'development' })).toMatchObject({ smtpUrl: undefined, mailFrom: 'Spanner CRM <no-reply@localhost>' });
    const config = loadConfig({ SMTP_URL: 'smtps://crm:secret@mail.example.com:465', MAIL_FROM: 'Acme CRM <crm@acme.example>' });
    expect(config).toMatchObject({ smtpUrl: 'smtps://crm:secret@mail.example.com:465', mailFrom: 'Acme CRM <crm@acme.example>' });
  });

  it('accepts only smtp:// and smtps:// mail servers and a MAIL_FROM with an address', () => {
    const problems = problemsOf({ SMTP_URL: 'https://mail.example.com', MAIL_FROM: 'Spanner CRM' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['SMTP_URL', 'MAIL_FROM']);
  });

  it('trusts no proxy by default, and every proxy, or the named addresses and ranges, when told', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'FALSE' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 172.16.0.0/12,fd00::/8, uniquelocal' }).trustProxy).toEqual([
      '10.0.0.1',
      '172.16.0.0/12',
      'fd00::/8',
      'uniquelocal',
    ]);
  });

  it('names each TRUST_PROXY entry that is no address, and refuses hop counts', () => {
    const problems = problemsOf({ TRUST_PROXY: 'nginx, 10.0.0.0/33, 10.0.0.1' });
    expect(problems).toEqual([
      'TRUST_PROXY: "nginx" is not true/false, an IP address, a CIDR range or loopback/linklocal/uniquelocal',
      'TRUST_PROXY: "10.0.0.0/33" is not true/false, an IP address, a CIDR range or loopback/linklocal/uniquelocal',
    ]);
    expect(problemsOf({ TRUST_PROXY: '1' })).toEqual(['TRUST_PROXY: a hop count is not supported; name the proxies (IP addresses, CIDR ranges or uniquelocal)']);
  });

  it('has rate limits for production by default and takes whole positive numbers', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      authPerIp: 30,
      authPerAccount: 10,
      apiKeyPerIp: 1200,
      apiKeyPerKey: 600,
      loginFailuresPerAccount: 100,
      invitationsPerUser: 20,
      invitationsPerOrganization: 100,
      verificationMailsPerUser: 3,
    });
    expect(loadConfig({ RATE_LIMIT_AUTH_PER_ACCOUNT: '5' }).rateLimits.authPerAccount).toBe(5);
    const problems = problemsOf({ RATE_LIMIT_AUTH_PER_IP: '0', RATE_LIMIT_API_KEY_PER_KEY: 'lots' });
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['RATE_LIMIT_AUTH_PER_IP', 'RATE_LIMIT_API_KEY_PER_KEY']);
  });
});

describe('resolveSecretKey', () => {
  let dataDir: string | undefined;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('generates a secret once in local mode and keeps it in DATA_DIR', async () => {
    dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'spanner-config-')), 'nested');
    const first = resolveSecretKey(loadConfig({ DATA_DIR: dataDir }));
    const second = resolveSecretKey(loadConfig({ DATA_DIR: dataDir }));
    expect(first.secretKey).toMatch(/^[0-9a-f]{64}$/);
    expect(second.secretKey).toBe(first.secretKey);
    expect((await readFile(path.join(dataDir, 'secret-key'), 'utf8')).trim()).toBe(first.secretKey);
    expect((await stat(path.join(dataDir, 'secret-key'))).mode & 0o777).toBe(0o600);
  });

  it('keeps a configured secret and gives tests a fresh one in memory', () => {
    expect(resolveSecretKey(loadConfig({ SECRET_KEY: 'given' })).secretKey).toBe('given');
    const a = resolveSecretKey(loadConfig({ ENVIRONMENT: 'test', DATA_DIR: '/nonexistent/never-written' }));
    const b = resolveSecretKey(loadConfig({ ENVIRONMENT: 'test', DATA_DIR: '/nonexistent/never-written' }));
    expect(a.secretKey).not.toBe(b.secretKey);
  });
});
