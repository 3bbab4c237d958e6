export * from './module';
export * from './schema';
export * from './server';
export * from './run';
export * from './database';
export * from './format-error';
