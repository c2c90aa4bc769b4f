// The examples mode: every answer comes from the description through Prism, chosen by the
// `Prefer` header (a named example, another status, generated data). No state.
import type { AnswerEngine } from "../spec/engine.js";
import type { OpenApiDocument } from "../spec/description.js";
import { readPreferences } from "./prefer.js";
import { createPrismAdapter, type PrismAdapter } from "./prism-adapter.js";

export async function createExamplesEngine(
  doc: OpenApiDocument,
  dynamic: boolean,
): Promise<AnswerEngine & { prism: PrismAdapter }> {
  const prism = await createPrismAdapter(doc, dynamic);
  return {
    prism,
    async answer({ operation, headers }) {
      const prefer = headers.prefer;
      const preferences = readPreferences(
        Array.isArray(prefer) ? prefer.join(",") : prefer,
        operation,
      );
      if ("status" in preferences) return preferences;
      return prism.answer(operation, preferences, headers.accept);
    },
    handles: () => true,
    async close() {},
  };
}
