// Validators of the answers an operation describes, for tests that check an answer's shape
// against the description (the contract test, the sandbox's scenarios).
import { deref, isObject, type OpenApiDocument } from "../../src/spec/description.js";
import type { SchemaCompiler, ValidateFunction } from "../../src/spec/schema-compiler.js";

export type AnswerValidator = (
  op: { method: string; path: string },
  status: number,
) => ValidateFunction | null;

/** A lookup of the JSON schema of `status` (or `4XX`, `default`) of an operation, compiled once. */
export function answerValidators(doc: OpenApiDocument, compiler: SchemaCompiler): AnswerValidator {
  const cache = new Map<string, ValidateFunction | null>();
  return (op, status) => {
    const key = `${op.method} ${op.path} ${status}`;
    if (!cache.has(key)) {
      const item = doc.paths[op.path];
      const raw = isObject(item) ? item[op.method] : undefined;
      const responses = isObject(raw) && isObject(raw["responses"]) ? raw["responses"] : {};
      const response = deref(
        doc,
        responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses["default"],
      );
      const content =
        isObject(response) && isObject(response["content"]) ? response["content"] : {};
      const media = Object.entries(content).find(([type]) => /json/.test(type))?.[1];
      const schema = isObject(media) ? media["schema"] : undefined;
      cache.set(
        key,
        isObject(schema) || typeof schema === "boolean" ? compiler.compile(schema) : null,
      );
    }
    return cache.get(key) ?? null;
  };
}
