// Per-client token buckets: RATE_LIMIT_BURST requests at once, refilled at RATE_LIMIT_PER_MINUTE.
// Keyed by the client IP as Express sees it, so TRUST_PROXY decides whether X-Forwarded-For counts.
import type { NextFunction, Request, Response } from "express";
import { LRUCache } from "lru-cache";

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function rateLimiter(options: { perMinute: number; burst: number; now?: () => number }) {
  const refillPerMs = options.perMinute / 60_000;
  const now = options.now ?? Date.now;
  // Bounded: an attacker rotating addresses evicts old buckets instead of growing memory.
  const buckets = new LRUCache<string, Bucket>({ max: 100_000 });
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = req.ip ?? "unknown";
    const time = now();
    const bucket = buckets.get(key) ?? { tokens: options.burst, updatedAt: time };
    bucket.tokens = Math.min(options.burst, bucket.tokens + (time - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = time;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      next();
      return;
    }
    const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    res
      .status(429)
      .set("retry-after", String(retryAfter))
      .json({ errors: [{ message: `Too many requests; retry in ${retryAfter} s.`, extensions: { code: "RATE_LIMITED" } }] });
  };
}

/** Express's "trust proxy" value from the TRUST_PROXY setting. */
export function trustProxyValue(setting: string): boolean | number | string {
  const value = setting.trim();
  if (value === "true" || value === "false") return value === "true";
  return /^\d+$/.test(value) ? Number(value) : value;
}
