/** What the global setup hands every test file. */
export {};

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}
