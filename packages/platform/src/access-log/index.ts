export * from './entry';
export * from './migration-sql';
export * from './row';
export * from './recorder';
export * from './writer';
export * from './reader';
export * from './chain';
export * from './verify';
export { appendAccessLog } from './insert';
