/** A verifier that remembers: call it with a token; `size` is how many tokens it holds. */
export interface RememberingVerifier<T> {
  (token: string): Promise<T>;
  readonly size: number;
}

/**
 * Remembers tokens already verified, so that a token seen again is not verified again (an ES256
 * check is costly, and a client or the gateway sends the same token with every request).
 * A remembered token is accepted only while it is unexpired and for at most `maxAgeMs` after it
 * was checked (so a key withdrawn from a JWKS stops being honoured soon); the memo holds at most
 * `max` tokens, the oldest dropped first, and drops expired ones as new ones come. Only the exact
 * token string is remembered: a token changed in any byte is verified afresh.
 *
 * Tokens are looked up by their last segment (a JWT's signature) and then compared whole. A gateway
 * token for many groups is long, and V8 hashes a string over 16 KB by its length alone: keyed by
 * whole tokens, every token of one length shared a bucket and was compared on each lookup, a cost
 * growing with the tokens held (docs/decisions.md, "Verified tokens are remembered").
 */
export function rememberVerified<T>(
  verify: (token: string) => Promise<{ value: T; expiresAt: number }>,
  options: { max?: number; maxAgeMs?: number } = {},
): RememberingVerifier<T> {
  const max = options.max ?? 4096;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const seen = new Map<string, { token: string; value: T; until: number }>();
  const remembered = async (token: string) => {
    const key = token.slice(token.lastIndexOf('.') + 1);
    const hit = seen.get(key);
    if (hit && hit.token === token && hit.until > Date.now()) return hit.value;
    const { value, expiresAt } = await verify(token);
    const now = Date.now();
    // Entries were added in about the order they expire: drop the expired ones from the oldest end.
    for (const [k, entry] of seen) {
      if (entry.until > now) break;
      seen.delete(k);
    }
    seen.delete(key);
    if (seen.size >= max) seen.delete(seen.keys().next().value!);
    seen.set(key, { token, value, until: Math.min(expiresAt, now + maxAgeMs) });
    return value;
  };
  return Object.defineProperty(remembered, 'size', { get: () => seen.size }) as RememberingVerifier<T>;
}
