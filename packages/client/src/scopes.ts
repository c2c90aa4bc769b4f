// OAuth scopes are one per endpoint and method, `api.v1.<endpoint>:<method>` with the method in
// lower case, and there is no wildcard: a client needs the exact list of what it calls. The
// `Operation` type is computed from the description, so only operations that exist compile.
import type { OperationKey } from "@sd-toolkit/types";

/** Every operation of the description as `"METHOD /endpoint"`, e.g. `"GET /incident"`
 * (`OperationKey` of `@sd-toolkit/types`). */
export type Operation = OperationKey;

/** The sorted, de-duplicated OAuth scopes that the given operations need. */
export function scopesFor(operations: Iterable<Operation>): string[] {
  const scopes = new Set<string>();
  for (const operation of operations) {
    const [method, endpoint] = operation.split(" /");
    scopes.add(`api.v1.${endpoint}:${method!.toLowerCase()}`);
  }
  return [...scopes].sort();
}
