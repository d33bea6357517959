// A seeded random source: the same seed gives the same data set, so runs compare like for like.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  uint32(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An index in [0, n) where low ranks are much likelier (power > 1), spread over [0, n) by a fixed permutation. */
  skewed(n: number, power: number): number;
  /** A key of `weights`, in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
}

/** mulberry32: tiny, fast and good enough for test data. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const uint32 = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => uint32() / 4_294_967_296;
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    uint32,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick: (items) => items[int(items.length)]!,
    skewed: (n, power) => {
      const rank = Math.floor(n * next() ** power);
      // 7919 is prime and larger than any list we pick from, so this permutes [0, n) when n is not a multiple of it.
      return n % 7919 === 0 ? rank : (rank * 7919) % n;
    },
    weighted(weights) {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      let left = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [key, weight] of entries) {
        left -= weight;
        if (left < 0) return key;
      }
      return entries.at(-1)![0];
    },
  };
}

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/** A UUIDv7 for a row created at `ms`: time-ordered like the server's ids, random bits from `random`. */
export function uuidv7(ms: number, random: Random): string {
  const time = hex(ms, 12);
  const a = random.uint32();
  const b = random.uint32();
  const c = random.uint32();
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(a >>> 20, 3)}-${hex(0x8000 | (a & 0x3fff), 4)}-${hex(b, 8)}${hex(c & 0xffff, 4)}`;
}
