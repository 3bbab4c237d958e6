export * from './rules';
export * from './shield';
export * from './permission-check';
