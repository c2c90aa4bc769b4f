// Types for the part of newman's library API the collection test uses (newman ships none, and
// @types/newman describes version 5).
declare module "newman" {
  interface RunOptions {
    /** A collection (v2.1) object or a path to one. */
    collection: object | string;
    /** Variables of the run's environment; they take precedence over collection variables. */
    envVar?: Array<{ key: string; value: string }>;
    reporters?: string[];
    /** Milliseconds before a request is given up. */
    timeoutRequest?: number;
    /** Milliseconds before a test script is given up. */
    timeoutScript?: number;
  }
  interface Assertion {
    assertion: string;
    skipped?: boolean;
    error?: { name: string; message: string };
  }
  interface Execution {
    item: { id: string; name: string };
    request: { method: string; url: { getPath(unresolved?: boolean): string } };
    response?: { code: number; stream?: Buffer };
    requestError?: { message: string };
    assertions?: Assertion[];
  }
  interface Summary {
    run: {
      executions: Execution[];
      failures: Array<{ error: { message: string }; source?: { name?: string } }>;
    };
  }
  const newman: {
    run(options: RunOptions, callback: (error: Error | null, summary: Summary) => void): unknown;
  };
  export default newman;
  export type { Execution, Summary };
}
