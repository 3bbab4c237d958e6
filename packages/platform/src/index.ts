/**
 * The root door: only what every process may load, cheaply and without I/O (the access rules and
 * their types). Everything else is imported from its folder: `@sig/platform/tokens`, `/runtime`, …
 */
export * from './access';
