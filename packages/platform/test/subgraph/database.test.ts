import { describe, expect, it } from 'vitest';
import { poolIdleSeconds } from '../../src/subgraph';

describe('DB_POOL_IDLE_SECONDS', () => {
  it('keeps idle connections for 60 s unless told otherwise', () => {
    expect(poolIdleSeconds({})).toBe(60);
    expect(poolIdleSeconds({ DB_POOL_IDLE_SECONDS: '' })).toBe(60);
    expect(poolIdleSeconds({ DB_POOL_IDLE_SECONDS: '5' })).toBe(5);
  });

  it('refuses a value that is not a positive whole number of seconds', () => {
    for (const bad of ['0', '-1', '1.5', 'ten']) expect(() => poolIdleSeconds({ DB_POOL_IDLE_SECONDS: bad })).toThrow(/DB_POOL_IDLE_SECONDS/);
  });
});
