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

export type LogDestination = 1 | 2;

export function loggerOptions(config: Pick<Config, 'logLevel'>, destination: LogDestination = 1): LoggerOptions {
  const pretty = destination === 1 ? process.stdout.isTTY : process.stderr.isTTY;
  return {
    level: config.logLevel,
    base: { service: 'spanner-crm' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
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
