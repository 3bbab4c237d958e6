export * from './keys';
export * from './verified-tokens';
export * from './identity';
export * from './gateway-token';
export * from './request-binding';
