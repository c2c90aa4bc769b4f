// The part of Node's built-in `node:sqlite` the sandbox uses. The repository's @types/node is
// still 20 (which predates the module); drop this file when it moves to 24.
declare module "node:sqlite" {
  type SQLInputValue = null | number | bigint | string | Uint8Array;
  type SQLOutputValue = null | number | bigint | string | Uint8Array;
  interface StatementResultingChanges {
    changes: number | bigint;
    lastInsertRowid: number | bigint;
  }
  class StatementSync {
    all(...parameters: SQLInputValue[]): Array<Record<string, SQLOutputValue>>;
    get(...parameters: SQLInputValue[]): Record<string, SQLOutputValue> | undefined;
    run(...parameters: SQLInputValue[]): StatementResultingChanges;
  }
  class DatabaseSync {
    constructor(path: string, options?: { open?: boolean; readOnly?: boolean; timeout?: number });
    exec(sql: string): void;
    prepare(sql: string): StatementSync;
    close(): void;
    readonly isOpen: boolean;
  }
  export { DatabaseSync, StatementSync };
}
