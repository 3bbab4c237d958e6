import { describe, expect, it } from 'vitest';
import { rememberVerified } from '../../src/tokens';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stand-in verifier that counts its calls; tokens with "bad" in them fail, "short…" live 30 ms, others `lifeMs`. */
function counting(lifeMs: number) {
  const calls: string[] = [];
  const verify = async (token: string) => {
    calls.push(token);
    if (token.includes('bad')) throw new Error('invalid signature');
    return { value: { token }, expiresAt: Date.now() + (token.startsWith('short') ? 30 : lifeMs) };
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

  it('looks a token up by its signature, but answers only for the whole token', async () => {
    const { calls, verify } = counting(60_000);
    const remembered = rememberVerified(verify);
    await remembered('header.payload.signature');
    await expect(remembered('header.bad-payload.signature')).rejects.toThrow(/signature/);
    expect(await remembered('header.payload.signature')).toEqual({ token: 'header.payload.signature' });
    expect(await remembered('header.other.signature')).toEqual({ token: 'header.other.signature' });
    expect(calls).toEqual(['header.payload.signature', 'header.bad-payload.signature', 'header.other.signature']);
  });

  it('drops expired tokens as new ones are verified, so it holds only the live ones', async () => {
    const { verify } = counting(60_000);
    const remembered = rememberVerified(verify);
    for (const t of ['short.1', 'short.2', 'short.3']) await remembered(t);
    expect(remembered.size).toBe(3);
    await sleep(50);
    await remembered('long.1');
    expect(remembered.size).toBe(1);
  });
});
