export * from './demo';
export * from './seed';
export * from './personas';
export * from './dev-keys';
export * from './actor-tokens';
