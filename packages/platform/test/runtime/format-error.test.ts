import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { formatError } from '../../src/runtime';

const environment = process.env.NODE_ENV;
afterEach(() => {
  process.env.NODE_ENV = environment;
});

describe('errors leaving a process', () => {
  it('never carry a stack trace', () => {
    const formatted = formatError({ message: 'Access denied: NO_CONSENT', extensions: { code: 'FORBIDDEN', reason: 'NO_CONSENT', stacktrace: ['at x'] } });
    expect(formatted.extensions).toEqual({ code: 'FORBIDDEN', reason: 'NO_CONSENT' });
  });

  it('in production, hide the message of an unexpected error (no SQL, paths or data)', () => {
    process.env.NODE_ENV = 'production';
    const formatted = formatError({ message: 'relation "sig_case" does not exist at /app/x.ts', path: ['case'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(formatted).toEqual({ message: 'Internal server error', path: ['case'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('in production, keep the message of an error raised on purpose', () => {
    process.env.NODE_ENV = 'production';
    const error = new GraphQLError('input.district: unknown district', { extensions: { code: 'BAD_USER_INPUT', field: 'input.district' } });
    expect(formatError(error.toJSON(), error)).toEqual({ message: 'input.district: unknown district', extensions: { code: 'BAD_USER_INPUT', field: 'input.district' } });
  });
});
