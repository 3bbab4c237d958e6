export * from './ports';
export * from './subgraphs';
export * from './provision';
export * from './scenario';
export * from './demo-seeders';
export * from './personas';
export * from './system';
