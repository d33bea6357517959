import type { FastifyRequest } from 'fastify';
import { pino, type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../../config.js';

/** Never written to a log line, whatever object they appear in. */
const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'config.secretKey',
  'config.databaseUrl',
  'config.redisUrl',
  'config.smtpUrl',
  '*.password',
  '*.secret',
  '*.secretKey',
  '*.token',
];

/** Query parameters that carry a credential: invitation tokens (`?token=`), keys, secrets, passwords. */
const SECRET_QUERY_PARAMETER = /token|secret|password|^(api[-_]?)?key$/i;

/** The URL with the value of every credential-bearing query parameter replaced, as it may be logged. */
function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return url;
  const query = url
    .slice(queryStart + 1)
    .split('&')
    .map((pair) => {
      const nameEnd = pair.indexOf('=');
      const name = nameEnd === -1 ? pair : pair.slice(0, nameEnd);
      return nameEnd !== -1 && SECRET_QUERY_PARAMETER.test(decodeQueryName(name)) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, queryStart)}?${query.join('&')}`;
}

function decodeQueryName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * Fastify's request serializer, with the URL redacted: request lines are logged for every call.
 * Any other `req` a caller logs passes through, still under the redacted paths.
 */
function serializeRequest(request: FastifyRequest | Record<string, unknown>) {
  if (!isFastifyRequest(request)) return request;
  return {
    method: request.method,
    url: redactUrl(request.url),
    version: request.headers['accept-version'],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

function isFastifyRequest(value: FastifyRequest | Record<string, unknown>): value is FastifyRequest {
  return typeof value.url === 'string' && typeof value.method === 'string' && 'raw' in value;
}

export type LogDestination = 1 | 2;

export function loggerOptions(config: Pick<Config, 'logLevel'>, destination: LogDestination = 1): LoggerOptions {
  const pretty = destination === 1 ? process.stdout.isTTY : process.stderr.isTTY;
  return {
    level: config.logLevel,
    base: { service: 'spanner-crm' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { req: serializeRequest },
    // JSON for machines; pretty only when a person watches a terminal.
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { destination, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' } } }
      : {}),
  };
}

/** Logs go to stdout, or to stderr for commands whose stdout is their answer (`spanner ping`). */
export function createLogger(config: Pick<Config, 'logLevel'>, destination: LogDestination = 1): Logger {
  const options = loggerOptions(config, destination);
  return options.transport ? pino(options) : pino(options, pino.destination({ fd: destination, sync: false }));
}

export type { Logger };
