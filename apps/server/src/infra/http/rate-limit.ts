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

interface Window {
  points: number;
  seconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Past this, a slow Redis counts as a down one: an auth endpoint must not hang on its limiter. */
const REDIS_TIMEOUT_MS = 500;
const FALLBACK_WARNING_INTERVAL_MS = 60_000;

/**
 * What is limited, and per what: `ip` the client address, `account` an email (or an API key's
 * id), `accountOnClient` an email together with the client it is tried from, `user` and
 * `organization` ids. Each rule counts only the scopes it names here.
 */
function windowsOf(config: RateLimitConfig) {
  // Per rule, so a burst of sign-ups does not lock the same people out of signing in.
  const auth = { ip: { points: config.authPerIp, seconds: MINUTE }, account: { points: config.authPerAccount, seconds: 15 * MINUTE } };
  return {
    // Only failures count (a success is refunded), and never per account alone for a client that
    // signed in before: nobody can lock an owner out by failing on purpose.
    login: {
      ip: auth.ip,
      accountOnClient: auth.account,
      account: { points: config.loginFailuresPerAccount, seconds: HOUR },
    },
    signup: auth,
    forgotPassword: auth,
    apiKey: { ip: { points: config.apiKeyPerIp, seconds: MINUTE }, account: { points: config.apiKeyPerKey, seconds: MINUTE } },
    invitation: {
      user: { points: config.invitationsPerUser, seconds: HOUR },
      organization: { points: config.invitationsPerOrganization, seconds: DAY },
    },
    verificationMail: { user: { points: config.verificationMailsPerUser, seconds: HOUR } },
  } satisfies Record<string, Partial<Record<Scope, Window>>>;
}

type Scope = 'ip' | 'account' | 'accountOnClient' | 'user' | 'organization';
type Windows = ReturnType<typeof windowsOf>;

export type RateLimitRule = keyof Windows;

/** The keys one attempt counts under; a scope left out (e.g. an account not known yet) is not counted. */
export type RateLimitSubject<Rule extends RateLimitRule> = { [S in keyof Windows[Rule]]?: string };

export interface RateLimits {
  /** Counts one attempt; throws a 429 HttpProblem with Retry-After once any of its counts is used up. */
  consume<Rule extends RateLimitRule>(rule: Rule, subject: RateLimitSubject<Rule>): Promise<void>;
  /** Gives back an attempt `consume` counted, for one that turned out not to count (a sign-in that succeeded). */
  refund<Rule extends RateLimitRule>(rule: Rule, subject: RateLimitSubject<Rule>): Promise<void>;
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
      Object.fromEntries(Object.entries(windows).map(([scope, window]) => [scope, limiterFor(rule as RateLimitRule, scope as Scope, window)])),
    ]),
  ) as Record<RateLimitRule, Partial<Record<Scope, RateLimiterAbstract>>>;

  /** Each counted scope's limiter with its key; emails differ only in case for the same person. */
  const countsOf = (rule: RateLimitRule, subject: Partial<Record<Scope, string>>) =>
    Object.entries(subject)
      .filter((entry): entry is [Scope, string] => entry[1] !== undefined)
      .map(([scope, key]) => {
        const limiter = limiters[rule][scope];
        if (!limiter) throw new Error(`rate limit rule ${rule} does not count per ${scope}`);
        return { limiter, key: key.trim().toLowerCase() };
      });

  return {
    async consume(rule, subject) {
      const counts = countsOf(rule, subject);
      const results = await Promise.allSettled(counts.map(({ limiter, key }) => limiter.consume(key)));
      const refusals = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
      if (refusals.length === 0) return;
      const unexpected = refusals.find((reason) => !(reason instanceof RateLimiterRes));
      if (unexpected) throw unexpected;
      // A refused attempt counts only where it was refused: an attacker held back per address
      // does not use up the account's count for everyone else.
      await Promise.all(counts.filter((_count, index) => results[index]!.status === 'fulfilled').map(({ limiter, key }) => limiter.reward(key)));
      throw rateLimited(Math.max(...(refusals as RateLimiterRes[]).map((refusal) => refusal.msBeforeNext)));
    },

    async refund(rule, subject) {
      await Promise.all(countsOf(rule, subject).map(({ limiter, key }) => limiter.reward(key)));
    },
  };
}
