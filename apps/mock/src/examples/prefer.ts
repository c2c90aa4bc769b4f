// The `Prefer` request header (RFC 7240), with the preferences Prism understands:
// `Prefer: code=404`, `Prefer: example=accepted`, `Prefer: dynamic=true, seed=42`.
import type { Operation } from "../spec/operations.js";
import type { Problem } from "../spec/problem.js";

export interface MockPreferences {
  code?: string;
  example?: string;
  dynamic?: boolean;
  seed?: string;
}

const PREFERENCE = /^\s*([\w-]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[^;,\s]*))?/;

export function parsePrefer(header: string | undefined): Record<string, string> {
  const found: Record<string, string> = {};
  if (!header) return found;
  for (const item of header.split(",")) {
    const match = PREFERENCE.exec(item);
    if (!match?.[1]) continue;
    const raw = match[2] ?? "";
    found[match[1].toLowerCase()] = raw.startsWith('"')
      ? raw.slice(1, -1).replace(/\\(.)/g, "$1")
      : raw;
  }
  return found;
}

function invalid(detail: string, expected: string, received: string): Problem {
  return {
    status: 422,
    title: "Invalid Prefer header",
    detail,
    invalid_params: [{ name: "Prefer", reason: detail, expected, received }],
  };
}

/**
 * Reads the preferences for one operation and checks them against its description: a code
 * or example it does not describe is refused here, with the ones that exist, rather than
 * surfacing as a puzzling Prism error.
 */
export function readPreferences(
  header: string | undefined,
  operation: Operation,
): MockPreferences | Problem {
  const raw = parsePrefer(header);
  const prefs: MockPreferences = {};
  if (raw["code"] !== undefined) {
    if (!operation.responseCodes.includes(raw["code"])) {
      return invalid(
        `${operation.operationId} describes no response ${raw["code"]}`,
        `code one of ${operation.responseCodes.join(", ")}`,
        raw["code"],
      );
    }
    prefs.code = raw["code"];
  }
  if (raw["example"] !== undefined) {
    const code = prefs.code ?? operation.defaultCode ?? "";
    const names = operation.exampleKeys.get(code) ?? [];
    if (!names.includes(raw["example"])) {
      return invalid(
        `response ${code} of ${operation.operationId} has no example named ${raw["example"]}`,
        names.length ? `example one of ${names.join(", ")}` : "no example preference",
        raw["example"],
      );
    }
    prefs.example = raw["example"];
  }
  if (raw["dynamic"] !== undefined) {
    if (raw["dynamic"] !== "true" && raw["dynamic"] !== "false") {
      return invalid(
        "dynamic must be true or false",
        "dynamic=true or dynamic=false",
        raw["dynamic"],
      );
    }
    prefs.dynamic = raw["dynamic"] === "true";
  }
  if (raw["seed"] !== undefined) prefs.seed = raw["seed"];
  return prefs;
}
