// Operations whose parameters are each optional but of which one must be given (`id`,
// `username` or `email`; `status_id` or `status_ids`). The description cannot mark that, so the
// front lets the call through and the handler decides. Production refuses the request lists
// that name none with HTTP 200 and `status: "ERROR"`, not 428 (docs/wire.md, production notes).
import type { Json, JsonObject } from "../spec/description.js";

/** True when the parameter was sent (an empty array counts as not sent). */
export function given(value: Json | undefined): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/** True when none of `names` was sent. */
export function namesNone(params: JsonObject, names: readonly string[]): boolean {
  return !names.some((name) => given(params[name]));
}

/** The integers of a single parameter and an array parameter together, without repeats. */
export function idsOf(single: Json | undefined, many: Json | undefined): Set<Json> {
  const out = new Set<Json>();
  if (given(single)) out.add(single as Json);
  if (Array.isArray(many)) for (const value of many) out.add(value);
  return out;
}
