import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  RLWrapperTimeouts,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../../config.js';
import type { Redis } from '../redis/redis.js';
import type { Logger } from '../telemetry/logger.js';
import { HttpProblem } from './problem.js';

/** What is limited: each rule counts per client IP and per account (an email, or an API key id). */
export type RateLimitRule = 'login' | 'signup' | 'forgotPassword' | 'apiKey';

export interface RateLimitSubject {
  ip: string;
  /** The email the attempt is about, or the API key's id; omitted when not known yet. */
  account?: string;
}

export interface RateLimits {
  /** Counts one attempt; throws a 429 HttpProblem with Retry-After once either count is used up. */
  consume(rule: RateLimitRule, subject: RateLimitSubject): Promise<void>;
}

interface Window {
  points: number;
  seconds: number;
}

type Scope = keyof Required<RateLimitSubject>;

const MINUTE = 60;
/** Past this, a slow Redis counts as a down one: an auth endpoint must not hang on its limiter. */
const REDIS_TIMEOUT_MS = 500;
const FALLBACK_WARNING_INTERVAL_MS = 60_000;

function windowsOf(config: RateLimitConfig): Record<RateLimitRule, Record<Scope, Window>> {
  // Per rule, so a burst of sign-ups does not lock the same people out of signing in.
  const auth = { ip: { points: config.authPerIp, seconds: MINUTE }, account: { points: config.authPerAccount, seconds: 15 * MINUTE } };
  return {
    login: auth,
    signup: auth,
    forgotPassword: auth,
    apiKey: { ip: { points: config.apiKeyPerIp, seconds: MINUTE }, account: { points: config.apiKeyPerKey, seconds: MINUTE } },
  };
}

/** The in-process limiter that stands in while Redis is unreachable; it says so in the log. */
class FallbackLimiter extends RateLimiterMemory {
  constructor(
    options: IRateLimiterOptions,
    private readonly onUse: () => void,
  ) {
    super(options);
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>): Promise<RateLimiterRes> {
    this.onUse();
    return super.consume(...args);
  }
}

function describeWait(seconds: number): string {
  if (seconds < MINUTE) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / MINUTE);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function rateLimited(msBeforeNext: number): HttpProblem {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new HttpProblem({
    status: 429,
    detail: `Too many attempts. Try again in ${describeWait(seconds)}.`,
    headers: { 'retry-after': String(seconds) },
  });
}

export interface RateLimitsOptions {
  config: RateLimitConfig;
  /** Counters shared by every replica; null keeps them in this process (embedded mode). */
  redis: Redis | null;
  keyPrefix: string;
  log: Logger;
}

/**
 * Rate limits on rate-limiter-flexible: in Redis when there is one, in memory otherwise. When
 * Redis is unreachable or slow the counts fall back to memory (per process) with a warning,
 * so signing in keeps working through a Redis outage.
 */
export function createRateLimits({ config, redis, keyPrefix, log }: RateLimitsOptions): RateLimits {
  let lastWarningAt = 0;
  const warnFallback = () => {
    if (Date.now() - lastWarningAt < FALLBACK_WARNING_INTERVAL_MS) return;
    lastWarningAt = Date.now();
    log.warn('redis is unreachable: rate limits are counted in this process only until it answers again');
  };

  const limiterFor = (rule: RateLimitRule, scope: Scope, window: Window): RateLimiterAbstract => {
    const options = { points: window.points, duration: window.seconds, keyPrefix: `${keyPrefix}:rate-limit:${rule}:${scope}` };
    if (!redis) return new RateLimiterMemory(options);
    const store = new RateLimiterRedis({
      ...options,
      storeClient: redis,
      // While reconnecting, go straight to memory instead of queueing behind a dead connection.
      rejectIfRedisNotReady: true,
      insuranceLimiter: new FallbackLimiter(options, warnFallback),
    });
    return new RLWrapperTimeouts({ limiter: store, timeoutMs: REDIS_TIMEOUT_MS });
  };

  const limiters = Object.fromEntries(
    Object.entries(windowsOf(config)).map(([rule, windows]) => [
      rule,
      { ip: limiterFor(rule as RateLimitRule, 'ip', windows.ip), account: limiterFor(rule as RateLimitRule, 'account', windows.account) },
    ]),
  ) as Record<RateLimitRule, Record<Scope, RateLimiterAbstract>>;

  return {
    async consume(rule, { ip, account }) {
      const attempts = [limiters[rule].ip.consume(ip)];
      // Emails differ only in case for the same person: one count per address.
      if (account !== undefined) attempts.push(limiters[rule].account.consume(account.trim().toLowerCase()));
      const refusals = (await Promise.allSettled(attempts)).flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
      if (refusals.length === 0) return;
      const unexpected = refusals.find((reason) => !(reason instanceof RateLimiterRes));
      if (unexpected) throw unexpected;
      throw rateLimited(Math.max(...(refusals as RateLimiterRes[]).map((refusal) => refusal.msBeforeNext)));
    },
  };
}
