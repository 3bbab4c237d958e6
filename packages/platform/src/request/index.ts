export * from './context';
export * from './loaders';
export * from './case-writes';
export * from './sql-transaction';
