// Type tests, checked by `npm run typecheck` (vitest does not run this file): a fault names an
// operation of the description, by operationId or as `METHOD /endpoint`; a misspelt one does not
// compile.
import type { FaultRequest } from "../src/control.js";

export const byKey: FaultRequest = { operation: "GET /incident", status: 503 };
export const byOperationId: FaultRequest = { operation: "createIncident", times: 2, status: 500 };

// @ts-expect-error: a misspelt endpoint
export const misspeltKey: FaultRequest = { operation: "GET /incidnet", status: 503 };
export const wrongMethod: FaultRequest = {
  // @ts-expect-error: a method the endpoint does not have
  operation: "DELETE /incident.attributes.type",
  drop: true,
};
// @ts-expect-error: a misspelt operationId
export const misspeltId: FaultRequest = { operation: "getIncidnet", delayMs: 10 };
