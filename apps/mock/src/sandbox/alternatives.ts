// Operations whose parameters are each optional but of which one must be given (`id`,
// `username` or `email`; `status_id` or `status_ids`). The description cannot mark that, so the
// front lets the call through and the handler refuses it the way the real server refuses a
// missing parameter: 428, with the same body as the front's (`error`, `status`, and
// `invalid_params` naming the parameters, one of which is required).
import type { Json, JsonObject } from "../spec/description.js";
import { invalidParameters, problemBody } from "../spec/problem.js";
import type { SandboxAnswer } from "./handler.js";

/** True when the parameter was sent (an empty array counts as not sent). */
export function given(value: Json | undefined): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/** The 428 answer when none of `names` was sent, else undefined. */
export function requireOneOf(
  params: JsonObject,
  names: readonly string[],
): SandboxAnswer | undefined {
  if (names.some((name) => given(params[name]))) return undefined;
  const list = names.join(", ");
  const problem = invalidParameters(
    names.map((name) => ({
      name,
      reason: `is required when none of ${list} is given`,
      expected: `one of ${list}`,
    })),
  );
  return { status: 428, body: JSON.parse(problemBody(problem)) as Json };
}

/** The integers of a single parameter and an array parameter together, without repeats. */
export function idsOf(single: Json | undefined, many: Json | undefined): Set<Json> {
  const out = new Set<Json>();
  if (given(single)) out.add(single as Json);
  if (Array.isArray(many)) for (const value of many) out.add(value);
  return out;
}
