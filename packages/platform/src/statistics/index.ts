export * from './types';
export * from './period';
export * from './small-cells';
export * from './cohort-table';
export * from './agency-part';
export * from './change-sql';
