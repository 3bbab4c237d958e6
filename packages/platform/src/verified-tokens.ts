/**
 * Remembers tokens already verified, so that a token seen again is not verified again (an ES256
 * check costs about 0.15 ms; a client or the gateway sends the same token with every request).
 * A remembered token is accepted only while it is unexpired and for at most `maxAgeMs` after it
 * was checked (so a key withdrawn from a JWKS stops being honoured soon); the memo holds at most
 * `max` tokens, the oldest dropped first. Only the exact token string is remembered: a token
 * changed in any byte is verified afresh.
 */
export function rememberVerified<T>(
  verify: (token: string) => Promise<{ value: T; expiresAt: number }>,
  options: { max?: number; maxAgeMs?: number } = {},
): (token: string) => Promise<T> {
  const max = options.max ?? 4096;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const seen = new Map<string, { value: T; until: number }>();
  return async (token) => {
    const hit = seen.get(token);
    if (hit && hit.until > Date.now()) return hit.value;
    if (hit) seen.delete(token);
    const { value, expiresAt } = await verify(token);
    if (seen.size >= max) seen.delete(seen.keys().next().value!);
    seen.set(token, { value, until: Math.min(expiresAt, Date.now() + maxAgeMs) });
    return value;
  };
}
