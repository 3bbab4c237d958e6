export * from './logger';
export * from './process';
export * from './config';
export * from './http-app';
export * from './format-error';
export * from './change-feed';
