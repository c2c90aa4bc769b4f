// The ways an instance's answer can differ from the description, as the proxy, `verify` and
// the report name them. The names are part of the report's schema (proxy.openapi.yaml).

export const DRIFT_KINDS = [
  "undocumented-status",
  "wrong-content-type",
  "not-json",
  "type-mismatch",
  "missing-required",
  "undocumented-field",
  "outside-enum",
  "array-for-object",
  "object-for-array",
  "null-not-nullable",
] as const;

export type DriftKind = (typeof DRIFT_KINDS)[number];

/** One difference in one answer, before it is counted. */
export interface DriftFinding {
  kind: DriftKind;
  /**
   * Where in the body, normalised so that every element of a list and every entry of a map
   * keyed by ids share one path: `$.requests{}.comments[].is_solution`. `$` for the answer
   * itself (status, content type).
   */
  at: string;
  /** What the description says, in a few words. */
  expected: string;
  /** What came, as type and length (or the value itself when values are reported). */
  seen: string;
}
