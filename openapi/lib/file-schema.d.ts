// Types of file-schema.js, for the TypeScript packages that import it.

/** True when this schema node itself describes the bytes of a file. */
export declare function isFileSchema(schema: unknown): boolean;

/** True when a property's schema holds files: itself, its items or an anyOf/oneOf alternative. */
export declare function holdsFiles(
  schema: unknown,
  resolve?: (schema: unknown) => unknown,
): boolean;
