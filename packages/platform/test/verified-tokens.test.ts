import { describe, expect, it } from 'vitest';
import { rememberVerified } from '../src/verified-tokens';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stand-in verifier that counts its calls; tokens named "bad…" fail, others live `lifeMs`. */
function counting(lifeMs: number) {
  const calls: string[] = [];
  const verify = async (token: string) => {
    calls.push(token);
    if (token.startsWith('bad')) throw new Error('invalid signature');
    return { value: { token }, expiresAt: Date.now() + lifeMs };
  };
  return { calls, verify };
}

describe('rememberVerified', () => {
  it('verifies a token once, then answers from memory', async () => {
    const { calls, verify } = counting(60_000);
    const remembered = rememberVerified(verify);
    expect(await remembered('a')).toEqual({ token: 'a' });
    expect(await remembered('a')).toEqual({ token: 'a' });
    expect(calls).toEqual(['a']);
  });

  it('never remembers a token that failed, and verifies any other string afresh', async () => {
    const { calls, verify } = counting(60_000);
    const remembered = rememberVerified(verify);
    await expect(remembered('bad')).rejects.toThrow(/signature/);
    await expect(remembered('bad')).rejects.toThrow(/signature/);
    await remembered('a');
    await remembered('a ');
    expect(calls).toEqual(['bad', 'bad', 'a', 'a ']);
  });

  it('checks a token again once it has expired', async () => {
    const { calls, verify } = counting(30);
    const remembered = rememberVerified(verify);
    await remembered('a');
    await sleep(50);
    await remembered('a');
    expect(calls).toEqual(['a', 'a']);
  });

  it('remembers a long-lived token for at most maxAgeMs', async () => {
    const { calls, verify } = counting(60_000);
    const remembered = rememberVerified(verify, { maxAgeMs: 30 });
    await remembered('a');
    await remembered('a');
    await sleep(50);
    await remembered('a');
    expect(calls).toEqual(['a', 'a']);
  });

  it('holds at most max tokens, dropping the oldest', async () => {
    const { calls, verify } = counting(60_000);
    const remembered = rememberVerified(verify, { max: 2 });
    for (const t of ['a', 'b', 'c', 'c', 'b', 'a']) await remembered(t);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
