// Type declarations for the two untyped CommonJS packages the front uses, limited to what it
// calls, so the build needs no extra @types packages.

declare module "qs" {
  interface ParseOptions {
    depth?: number;
    strictDepth?: boolean;
    arrayLimit?: number;
    parameterLimit?: number;
    throwOnLimitExceeded?: boolean;
    duplicates?: "combine" | "first" | "last";
    allowPrototypes?: boolean;
    decoder?: (text: string) => string;
  }
  interface Qs {
    parse(text: string, options?: ParseOptions): Record<string, unknown>;
  }
  const qs: Qs;
  export default qs;
}

declare module "busboy" {
  import type { Readable, Writable } from "node:stream";

  interface Limits {
    fieldNameSize?: number;
    fieldSize?: number;
    fields?: number;
    fileSize?: number;
    files?: number;
    parts?: number;
    headerPairs?: number;
  }
  interface Config {
    headers: Record<string, string | string[] | undefined>;
    limits?: Limits;
  }
  interface FileInfo {
    filename: string | undefined;
    encoding: string;
    mimeType: string;
  }
  interface Busboy extends Writable {
    on(event: "field", listener: (name: string, value: string) => void): this;
    on(event: "file", listener: (name: string, stream: Readable, info: FileInfo) => void): this;
    on(event: "partsLimit" | "filesLimit" | "fieldsLimit" | "close", listener: () => void): this;
    on(event: "error", listener: (error: Error) => void): this;
  }
  function busboy(config: Config): Busboy;
  export default busboy;
}
