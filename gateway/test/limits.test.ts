import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { tokenLimit } from '../src/limits';

/** Runs the middleware on one document: 'next' when it lets the request on, else the status it answered. */
function run(middleware: ReturnType<typeof tokenLimit>, query: string): 'next' | number {
  let outcome: 'next' | number = 'next';
  const res = {
    status(code: number) {
      outcome = code;
      return this;
    },
    json() {
      return this;
    },
  } as unknown as Response;
  let nextCalled = false;
  middleware({ body: { query } } as Request, res, () => {
    nextCalled = true;
  });
  return nextCalled ? 'next' : outcome;
}

describe('the token limit', () => {
  const limit = tokenLimit({ GRAPHQL_MAX_TOKENS: '100' });
  // Longer than 100 characters, so both are counted; 52 tokens and 302 tokens.
  const within = `{ ${'someRatherLongFieldName '.repeat(50)}}`;
  const over = `{ ${'f '.repeat(300)}}`;

  it('lets a long document within the limit through, again and again', () => {
    expect(within.length).toBeGreaterThan(100);
    expect(run(limit, within)).toBe('next');
    expect(run(limit, within)).toBe('next');
  });

  it('refuses a document over the limit every time, also after documents within it were let through', () => {
    expect(run(limit, within)).toBe('next');
    expect(run(limit, over)).toBe(400);
    expect(run(limit, over)).toBe(400);
    // Remembering is per document: one of the same length, but over the limit, is still counted.
    const sameLengthOver = `{ ${'f '.repeat((within.length - 3) / 2)}}`.padEnd(within.length, ' ');
    expect(run(limit, sameLengthOver)).toBe(400);
  });

  it('leaves a document that does not parse to Apollo Server, and does not remember it', () => {
    expect(run(limit, `{ ${'someRatherLongFieldName '.repeat(50)}`)).toBe('next');
  });
});
