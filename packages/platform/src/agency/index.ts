export * from './case-part';
export * from './permission-rows';
