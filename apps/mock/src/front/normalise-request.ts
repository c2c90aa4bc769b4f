// Gathers a request's parameters the way the real (PHP) server does: from the query string on
// every method, and from the body whatever its method, the body winning where both name the
// same parameter (PHP's $_REQUEST order). Then the wire strings become the JSON types the
// description declares, ready to validate.
import type { IncomingMessage } from "node:http";
import { coerceParameters } from "./coerce.js";
import type { Json, OpenApiDocument } from "../spec/description.js";
import { parseBody } from "./parse-body.js";
import { readBody } from "./read-body.js";
import { parseWireParams } from "./wire-params.js";

export interface NormalisedRequest {
  params: { [name: string]: Json };
  /** Media type of the body, when there was one. */
  mediaType: string | undefined;
  /** The body's bytes as sent (empty when there was none). */
  body: Buffer;
}

export async function normaliseRequest(
  doc: OpenApiDocument,
  req: IncomingMessage,
  rawQuery: string,
  pathParams: Record<string, string>,
  parameterSchemas: ReadonlyMap<string, Json>,
  bodyLimit: number,
): Promise<NormalisedRequest> {
  const query = parseWireParams(rawQuery, "query string");
  const raw = await readBody(req, bodyLimit);
  const body = await parseBody(req.headers["content-type"], raw);
  const merged = { ...query, ...body.params, ...pathParams };
  return {
    params: coerceParameters(doc, parameterSchemas, merged),
    mediaType: body.mediaType,
    body: raw,
  };
}
