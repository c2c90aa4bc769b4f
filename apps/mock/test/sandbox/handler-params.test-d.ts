// Type tests, checked by `npm run typecheck` (vitest does not run this file): a handler's
// parameters are the ones the description declares for its operation, with their types.
import type { Handler, Handlers } from "../../src/sandbox/handler.js";

export const comment: Handler<"createIncidentComment"> = ({ params }) => {
  const requestId: number = params["request_id"];
  const solution: boolean | undefined = params["is_solution"];
  // @ts-expect-error: a misspelt parameter name does not compile
  void params["reqest_id"];
  // @ts-expect-error: request_id is an integer, not text
  const asText: string = params["request_id"];
  // @ts-expect-error: a query parameter of another operation (GET /incident's date_format)
  void params["date_format"];
  return { status: 200, body: [requestId, solution ?? null, asText] };
};

export const lists: Handlers = {
  // A GET handler reads its query parameters.
  getIncident: ({ params }) => ({ status: 200, body: params["id"] }),
  // @ts-expect-error: an operationId the description lacks
  getIncidnet: () => ({ status: 200, body: null }),
};
