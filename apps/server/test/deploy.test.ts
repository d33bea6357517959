import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createProgram } from '../src/cli.js';
import { configVariableNames } from '../src/config.js';
import { PERMISSIONS_POLICY } from '../src/infra/http/security-headers.js';

// Deploy files drift from the code silently: a renamed env variable or CLI command only fails
// once a container starts. These checks read the files as written, without Docker.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const readRepoFile = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

const SERVER_DOCKERFILE = 'deploy/Dockerfile';

interface ComposeService {
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  entrypoint?: string | string[];
  environment?: Record<string, unknown> | string[];
  env_file?: unknown;
  healthcheck?: { test?: unknown; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | { host_ip?: string; published?: string | number })[];
  networks?: string[] | Record<string, { ipv4_address?: string } | null>;
  volumes?: string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, { ipam?: { config?: { subnet?: string; ip_range?: string }[] } } | null>;
}

/** The one service people reach from the network; everything else stays on this machine. */
const PUBLIC_SERVICE = 'web';

interface Dockerfile {
  /** Instructions of the last stage, continuation lines joined, comments dropped. */
  finalStage: { instruction: string; args: string }[];
}

function parseCompose(text: string): ComposeFile {
  // Compose resolves `<<: *anchor` merge keys; without them the shared server settings vanish.
  return parse(text, { merge: true }) as ComposeFile;
}

function parseDockerfile(text: string): Dockerfile {
  const instructions = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [, instruction = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
      return { instruction: instruction.toUpperCase(), args };
    });
  const lastFrom = instructions.findLastIndex(({ instruction }) => instruction === 'FROM');
  return { finalStage: instructions.slice(lastFrom + 1) };
}

function lastArgs(dockerfile: Dockerfile, instruction: string): string | undefined {
  return dockerfile.finalStage.findLast((entry) => entry.instruction === instruction)?.args;
}

function hasImageHealthcheck(dockerfile: Dockerfile): boolean {
  const healthcheck = lastArgs(dockerfile, 'HEALTHCHECK');
  return healthcheck !== undefined && healthcheck.trim().toUpperCase() !== 'NONE';
}

/** CMD in its exec (JSON) form; the shell form would run the CLI through sh, which we never want. */
function defaultCommand(dockerfile: Dockerfile): string[] | undefined {
  const cmd = lastArgs(dockerfile, 'CMD');
  return cmd?.startsWith('[') ? (JSON.parse(cmd) as string[]) : undefined;
}

function dockerfileOf(service: ComposeService): string | undefined {
  if (service.build === undefined) return undefined;
  const { context = '.', dockerfile = 'Dockerfile' } = typeof service.build === 'string' ? { context: service.build } : service.build;
  return path.posix.normalize(path.posix.join(context, dockerfile));
}

function serverServices(compose: ComposeFile): [string, ComposeService][] {
  return Object.entries(compose.services).filter(([, service]) => dockerfileOf(service) === SERVER_DOCKERFILE);
}

function environmentNames(service: ComposeService): string[] {
  const environment = service.environment ?? {};
  return Array.isArray(environment) ? environment.map((entry) => entry.split('=')[0]!) : Object.keys(environment);
}

function dependencies(service: ComposeService): { name: string; condition: string }[] {
  const dependsOn = service.depends_on ?? [];
  return Array.isArray(dependsOn)
    ? dependsOn.map((name) => ({ name, condition: 'service_started' }))
    : Object.entries(dependsOn).map(([name, { condition = 'service_started' }]) => ({ name, condition }));
}

/** A healthcheck in the compose file, or the image's own unless the compose file disables it. */
function hasHealthcheck(service: ComposeService, imageHealthchecks: Map<string, boolean>): boolean {
  if (service.healthcheck?.disable) return false;
  if (service.healthcheck?.test !== undefined) return true;
  const dockerfile = dockerfileOf(service);
  return dockerfile !== undefined && imageHealthchecks.get(dockerfile) === true;
}

function unknownServerVariables(compose: ComposeFile, knownNames: readonly string[]): string[] {
  return serverServices(compose).flatMap(([name, service]) => [
    ...environmentNames(service)
      .filter((variable) => !knownNames.includes(variable))
      .map((variable) => `${name} passes ${variable}, which the config schema does not know`),
    ...(service.env_file === undefined ? [] : [`${name} reads an env_file, whose variables nobody checks`]),
  ]);
}

function unknownServerCommands(compose: ComposeFile, cliCommands: readonly string[], imageDefault: string[] | undefined): string[] {
  return serverServices(compose).flatMap(([name, service]) => {
    if (service.entrypoint !== undefined) return [`${name} replaces the image's entrypoint, the spanner CLI`];
    const command = typeof service.command === 'string' ? service.command.trim().split(/\s+/) : (service.command ?? imageDefault ?? []);
    const subcommand = command[0];
    return subcommand !== undefined && cliCommands.includes(subcommand)
      ? []
      : [`${name} runs "${command.join(' ')}", which is no spanner CLI command`];
  });
}

/** Waiting on a service means nothing unless it can report being ready: healthy, or done. */
function dependencyProblems(compose: ComposeFile, imageHealthchecks: Map<string, boolean>): string[] {
  return Object.entries(compose.services).flatMap(([name, service]) =>
    dependencies(service).flatMap(({ name: target, condition }) => {
      const dependency = compose.services[target];
      if (dependency === undefined) return [`${name} depends on ${target}, which is not a service`];
      if (condition === 'service_completed_successfully') return [];
      if (condition !== 'service_healthy') return [`${name} waits for ${target} only to start (${condition}), not to be healthy`];
      return hasHealthcheck(dependency, imageHealthchecks) ? [] : [`${name} waits for ${target} to be healthy, but ${target} has no healthcheck`];
    }),
  );
}

/** A published port that is reachable from other machines: no host address, or not loopback. */
function publishedBeyondLoopback(compose: ComposeFile): string[] {
  return Object.entries(compose.services)
    .filter(([name]) => name !== PUBLIC_SERVICE)
    .flatMap(([name, service]) =>
      (service.ports ?? [])
        .filter((port) => (typeof port === 'string' ? !/^127\.0\.0\.1:/.test(port) : port.host_ip !== '127.0.0.1'))
        .map((port) => `${name} publishes ${typeof port === 'string' ? port : JSON.stringify(port)} beyond 127.0.0.1`),
    );
}

/** The value compose gives a variable when .env leaves it empty: `${NAME:-default}` or a literal. */
function composeDefault(value: unknown): string {
  const text = String(value ?? '');
  return /^\$\{[A-Z0-9_]+:-(.*)\}$/.exec(text)?.[1] ?? text;
}

/** Whom the API believes about client addresses, against the fixed addresses of the web service. */
function trustProxyProblems(compose: ComposeFile): string[] {
  const networks = compose.services[PUBLIC_SERVICE]?.networks;
  const webAddresses = networks && !Array.isArray(networks) ? Object.values(networks).flatMap((network) => (network?.ipv4_address ? [network.ipv4_address] : [])) : [];
  if (webAddresses.length === 0) return [`${PUBLIC_SERVICE} has no fixed address for TRUST_PROXY to name`];
  return serverServices(compose).flatMap(([name, service]) => {
    const trusted = composeDefault((service.environment as Record<string, unknown>).TRUST_PROXY)
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    return trusted.filter((entry) => !webAddresses.includes(entry)).map((entry) => `${name} trusts ${entry}, which is not the ${PUBLIC_SERVICE} container`);
  });
}

function inCidr(address: string, cidr: string): boolean {
  const toNumber = (ip: string) => ip.split('.').reduce((total, part) => total * 256 + Number(part), 0);
  const [network = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toNumber(address) / size) === Math.floor(toNumber(network) / size);
}

function envExampleNames(text: string): string[] {
  return [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]!);
}

const compose = parseCompose(readRepoFile('docker-compose.yml'));
const serverDockerfile = parseDockerfile(readRepoFile(SERVER_DOCKERFILE));
const imageHealthchecks = new Map([[SERVER_DOCKERFILE, hasImageHealthcheck(serverDockerfile)]]);
const cliCommands = createProgram().commands.map((command) => command.name());

describe('docker-compose.yml', () => {
  it('runs migrate, api and worker from the server image', () => {
    expect(serverServices(compose).map(([name]) => name)).toEqual(expect.arrayContaining(['migrate', 'api', 'worker']));
  });

  it('passes the server image only variables the config schema knows', () => {
    expect(unknownServerVariables(compose, configVariableNames)).toEqual([]);
  });

  it('requires SECRET_KEY from the operator instead of defaulting it', () => {
    for (const [, service] of serverServices(compose)) {
      expect((service.environment as Record<string, string>).SECRET_KEY).toMatch(/^\$\{SECRET_KEY:\?/);
    }
  });

  it('has the server containers listen on every interface, since the default is loopback outside production', () => {
    for (const [, service] of serverServices(compose)) expect((service.environment as Record<string, string>).HOST).toBe('0.0.0.0');
  });

  it('runs only real spanner CLI commands in the server image', () => {
    expect(unknownServerCommands(compose, cliCommands, defaultCommand(serverDockerfile))).toEqual([]);
  });

  it('waits only on services that report healthy or run to completion', () => {
    expect(dependencyProblems(compose, imageHealthchecks)).toEqual([]);
  });

  it('publishes only the web app beyond this machine: the API port bypasses nginx and shows /metrics', () => {
    expect(publishedBeyondLoopback(compose)).toEqual([]);
  });

  it('lets only the web container name the client in X-Forwarded-For', () => {
    expect(trustProxyProblems(compose)).toEqual([]);
  });

  it('gives the web container an address on its network that Docker hands to no other container', () => {
    const web = compose.services[PUBLIC_SERVICE]!.networks as Record<string, { ipv4_address: string }>;
    for (const [network, { ipv4_address: address }] of Object.entries(web)) {
      const [range] = compose.networks?.[network]?.ipam?.config ?? [];
      expect(range?.subnet, `network ${network} has a fixed subnet`).toBeDefined();
      expect(inCidr(address, range!.subnet!)).toBe(true);
      expect(range!.ip_range, `network ${network} hands out addresses from an ip_range`).toBeDefined();
      expect(inCidr(address, range!.ip_range!)).toBe(false);
    }
  });

  it('logs api and worker in as the server login, and only migrate as the owner of the tables', () => {
    const environment = (name: string) => compose.services[name]!.environment as Record<string, string>;
    for (const name of ['api', 'worker']) {
      expect(environment(name).DATABASE_URL).toMatch(/^postgres:\/\/\$\{POSTGRES_SERVER_USER:-\w+\}:/);
      expect(environment(name).MIGRATION_DATABASE_URL).toBeUndefined();
    }
    expect(environment('migrate').MIGRATION_DATABASE_URL).toMatch(/^postgres:\/\/\$\{POSTGRES_USER:-\w+\}:/);
    expect(dependencies(compose.services.migrate!)).toContainEqual({ name: 'database-login', condition: 'service_completed_successfully' });
  });

  it('creates the server login from a script that exists', () => {
    const volumes = (compose.services['database-login']!.volumes ?? []).map((volume) => volume.split(':')[0]!);
    expect(volumes).toEqual(['./deploy/postgres/server-login.sql']);
    expect(readRepoFile('deploy/postgres/server-login.sql')).toContain('spanner_server');
  });

  it('starts the api and worker only after migrations completed', () => {
    for (const name of ['api', 'worker']) {
      expect(dependencies(compose.services[name]!)).toContainEqual({ name: 'migrate', condition: 'service_completed_successfully' });
    }
  });
});

describe('the compose checks', () => {
  // A check that cannot fail proves nothing: each must catch the mistake it exists for.
  const broken = parseCompose(`
services:
  db: { image: postgres:16-alpine }
  cache: { image: redis:7-alpine, healthcheck: { test: [CMD, redis-cli, ping] } }
  api:
    build: { context: ., dockerfile: deploy/Dockerfile }
    command: serve
    environment: [DATABASE_URL=postgres://db/spanner, DB_POOL=5]
    depends_on: { db: { condition: service_healthy }, cache: { condition: service_started } }
  worker:
    build: { context: ., dockerfile: deploy/Dockerfile }
    env_file: .env
    healthcheck: { disable: true }
  web:
    image: nginx
    depends_on: { worker: { condition: service_healthy } }
`);

  it('report a variable the config schema does not know, and env files', () => {
    expect(unknownServerVariables(broken, configVariableNames)).toEqual([
      'api passes DB_POOL, which the config schema does not know',
      'worker reads an env_file, whose variables nobody checks',
    ]);
  });

  it('report a command that is no CLI command, falling back to the image default', () => {
    expect(unknownServerCommands(broken, cliCommands, ['api'])).toEqual(['api runs "serve", which is no spanner CLI command']);
    expect(unknownServerCommands(broken, cliCommands, ['serve'])).toHaveLength(2);
  });

  it('report a port published beyond loopback, and trusting proxies other than the web container', () => {
    const exposed = parseCompose(`
services:
  api:
    build: { context: ., dockerfile: deploy/Dockerfile }
    environment: { TRUST_PROXY: "\${TRUST_PROXY:-uniquelocal}" }
    ports: ["8000:8000", "127.0.0.1:9000:9000", { host_ip: 0.0.0.0, published: 9100 }]
  web:
    image: nginx
    ports: ["8080:8080"]
    networks: { proxy: { ipv4_address: 172.30.80.10 } }
`);
    expect(publishedBeyondLoopback(exposed)).toEqual([
      'api publishes 8000:8000 beyond 127.0.0.1',
      'api publishes {"host_ip":"0.0.0.0","published":9100} beyond 127.0.0.1',
    ]);
    expect(trustProxyProblems(exposed)).toEqual(['api trusts uniquelocal, which is not the web container']);
    expect(trustProxyProblems(broken)).toEqual(['web has no fixed address for TRUST_PROXY to name']);
  });

  it('report waiting on a service without healthcheck, or only for it to start', () => {
    expect(dependencyProblems(broken, imageHealthchecks)).toEqual([
      'api waits for db to be healthy, but db has no healthcheck',
      'api waits for cache only to start (service_started), not to be healthy',
      'web waits for worker to be healthy, but worker has no healthcheck',
    ]);
  });
});

describe('deploy/Dockerfile', () => {
  it('checks its own health', () => {
    expect(hasImageHealthcheck(serverDockerfile)).toBe(true);
  });

  it('runs as a non-root user', () => {
    const user = lastArgs(serverDockerfile, 'USER');
    expect(user).toBeDefined();
    expect(user!.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('listens on every interface whatever ENVIRONMENT a container is given', () => {
    const env = serverDockerfile.finalStage.filter(({ instruction }) => instruction === 'ENV').map(({ args }) => args);
    expect(env.join(' ')).toMatch(/(^|\s)HOST=0\.0\.0\.0(\s|$)/);
  });

  it('runs the spanner CLI with api as the default command', () => {
    expect(lastArgs(serverDockerfile, 'ENTRYPOINT')).toContain('apps/server/bin/spanner.js');
    expect(defaultCommand(serverDockerfile)).toEqual(['api']);
  });

  it('ships no tsup config, so bin/spanner.js runs the bundle instead of rebuilding it', () => {
    const copiedSources = serverDockerfile.finalStage
      .filter(({ instruction, args }) => instruction === 'COPY' && !args.startsWith('--from'))
      .flatMap(({ args }) => args.split(/\s+/).slice(0, -1));
    for (const source of copiedSources) expect(['.', 'apps', 'apps/server']).not.toContain(source.replace(/\/$/, ''));
    expect(copiedSources.join(' ')).not.toContain('tsup.config');
  });
});

describe('deploy/nginx.conf', () => {
  const nginxConf = readRepoFile('deploy/nginx.conf');

  it('sends the Permissions-Policy the server sends, wherever it adds headers', () => {
    const policies = [...nginxConf.matchAll(/^\s*add_header Permissions-Policy "([^"]*)" always;$/gm)].map((match) => match[1]);
    expect(policies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(policies)).toEqual(new Set([PERMISSIONS_POLICY]));
  });
});

describe('.env.example', () => {
  const documented = envExampleNames(readRepoFile('.env.example'));

  it('documents every variable of the config schema', () => {
    expect(configVariableNames.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it('documents every variable docker-compose.yml reads', () => {
    const interpolated = [...readRepoFile('docker-compose.yml').matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]!);
    expect([...new Set(interpolated)].filter((name) => !documented.includes(name))).toEqual([]);
  });
});
