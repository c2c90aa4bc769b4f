// Prism, used as a library, only for what it is best at: producing the answer of an operation
// from the description (its named examples, or generated data). Routing, credentials and
// validation are the front's job, done by the real server's rules, so Prism's own checks are
// off and it is handed the one operation the front already chose.
import prismHttp from "@stoplight/prism-http";
import type { OpenApiDocument } from "../spec/description.js";
import type { MockAnswer } from "../spec/engine.js";
import type { Operation } from "../spec/operations.js";
import type { MockPreferences } from "./prefer.js";
import type { Problem } from "../spec/problem.js";

const { createInstance, getHttpOperationsFromSpec, resetJSONSchemaGenerator } = prismHttp;

type PrismInstance = ReturnType<typeof createInstance>;
type PrismOperation = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>[number];
type PrismConfig = Parameters<typeof createInstance>[0];
type PrismLogger = Parameters<typeof createInstance>[1]["logger"];
type PrismRequest = Parameters<PrismInstance["request"]>[0];

export interface PrismAdapter {
  answer(
    operation: Operation,
    preferences: MockPreferences,
    accept: string | undefined,
  ): Promise<MockAnswer | Problem>;
}

/** Prism logs every step through pino; the front has its own one-line log, so all of it goes. */
function silentLogger(): PrismLogger {
  const ignore = () => undefined;
  const logger: Record<string, unknown> = {};
  for (const level of ["trace", "debug", "info", "warn", "error", "fatal", "success", "silent"]) {
    logger[level] = ignore;
  }
  logger["child"] = () => logger;
  return logger as unknown as PrismLogger;
}

function baseConfig(dynamic: boolean): PrismConfig {
  return {
    checkSecurity: false,
    validateRequest: false,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
    mock: { dynamic },
  };
}

/**
 * Prism's failures, as problems. Its negotiation errors sometimes arrive wrapped in a plain
 * Error, with the kind only in the message (`.../prism/errors#NOT_ACCEPTABLE: ...`).
 */
function problemFromPrism(error: unknown, accept: string | undefined): Problem {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/errors#NOT_ACCEPTABLE/.test(text)) {
    return {
      status: 406,
      title: "Not acceptable",
      detail: `The operation has no answer of a type the Accept header allows (${accept ?? ""}); it answers JSON.`,
    };
  }
  const status = (error as { status?: unknown }).status;
  return {
    status: typeof status === "number" && status >= 400 ? status : 500,
    title: "Prism could not answer",
    detail: text,
  };
}

/**
 * A copy of the description for Prism, with one repair for its data generator
 * (json-schema-faker): an array schema with `minItems`/`maxItems` but no `items` makes it throw
 * ("missing items") unless both bounds are 0. The description has such schemas (`{type: array,
 * maxItems: 0}`: PHP's empty array standing for an empty object), so dynamic answers of
 * GET /incident and seven other operations were 500 whenever the generator picked that branch,
 * and always for some seeds. `items: {}` says nothing more than the missing keyword.
 */
export function prismCopy(doc: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(doc);
  const pending: unknown[] = [copy];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (Array.isArray(node)) {
      for (const item of node as unknown[]) pending.push(item);
      continue;
    }
    if (typeof node !== "object" || node === null) continue;
    const schema = node as Record<string, unknown>;
    const type = schema["type"];
    const isArray = type === "array" || (Array.isArray(type) && type.includes("array"));
    if (
      isArray &&
      !("items" in schema || "prefixItems" in schema || "additionalItems" in schema) &&
      ("minItems" in schema || "maxItems" in schema || "uniqueItems" in schema)
    ) {
      schema["items"] = {};
    }
    for (const value of Object.values(schema)) pending.push(value);
  }
  return copy;
}

export async function createPrismAdapter(
  doc: OpenApiDocument,
  dynamicByDefault: boolean,
): Promise<PrismAdapter> {
  // Prism dereferences the document in place: give it a copy (repaired, see prismCopy).
  const prismOperations = await getHttpOperationsFromSpec(prismCopy(doc));
  const byKey = new Map<string, PrismOperation>();
  for (const op of prismOperations) byKey.set(`${op.method} ${op.path}`, op);
  const prism: PrismInstance = createInstance(baseConfig(dynamicByDefault), {
    logger: silentLogger(),
  });

  return {
    async answer(operation, preferences, accept) {
      const prismOperation = byKey.get(`${operation.method} ${operation.path}`);
      if (!prismOperation) {
        return {
          status: 500,
          title: "Operation unknown to Prism",
          detail: `Prism did not load ${operation.method.toUpperCase()} ${operation.path}.`,
        };
      }
      const dynamic = preferences.dynamic ?? dynamicByDefault;
      const code = preferences.code ?? operation.defaultCode;
      // Without a named example Prism may pick one found on the schema; name the response's
      // first example so the answer is the one the description shows first.
      const exampleKey =
        preferences.example ??
        (dynamic || !code ? undefined : operation.exampleKeys.get(code)?.[0]);
      // A fresh mock config each time: Prism writes the negotiated media types into it.
      const config: PrismConfig = {
        ...baseConfig(dynamicByDefault),
        mock: {
          dynamic,
          ...(code && /^\d{3}$/.test(code) ? { code: Number(code) } : {}),
          ...(exampleKey === undefined ? {} : { exampleKey }),
          ...(preferences.seed === undefined ? {} : { seed: preferences.seed }),
        },
      };
      const input: PrismRequest = {
        method: prismOperation.method as PrismRequest["method"],
        url: { path: prismOperation.path },
        headers: accept ? { accept } : {},
      };
      const result = await prism.request(input, [prismOperation], config)();
      // Prism installs a seeded random generator for good; put back the unseeded one, or every
      // dynamic answer after one `Prefer: seed=` would follow that seed's sequence.
      if (preferences.seed !== undefined) resetJSONSchemaGenerator();
      if (result._tag === "Right") {
        const { statusCode, headers, body } = result.right.output;
        const lowered: Record<string, string> = {};
        for (const [name, value] of Object.entries(headers ?? {})) {
          if (value !== null && value !== undefined) lowered[name.toLowerCase()] = String(value);
        }
        return { status: statusCode, headers: lowered, body };
      }
      return problemFromPrism(result.left, accept);
    },
  };
}
