// Write bodies. The media type is chosen per operation from the description (through the
// generated manifest): form-encoded unless the operation only takes multipart, and multipart
// whenever a Blob/File is present, since a form-encoded body cannot carry a file. (The
// generator refuses operations that take neither, so no other encoding is needed.)
// The choice travels to openapi-fetch's `bodySerializer` as the Content-Type header; for
// multipart no header is set, so that fetch writes it with the boundary of the FormData.
import { bodies } from "../generated/manifest.js";
import { encodePairs, toWirePairs } from "./pairs.js";

export const FORM = "application/x-www-form-urlencoded";
export const MULTIPART = "multipart/form-data";

/** Media type of the body of `method path`, from the description and the body itself. */
export function mediaTypeFor(method: string, path: string, body: unknown): string {
  // A Blob or File anywhere in the body can only travel in multipart.
  if (
    body instanceof FormData ||
    toWirePairs(body as object).some(([, value]) => value instanceof Blob)
  ) {
    return MULTIPART;
  }
  // The manifest lists only the operations that cannot take a form.
  return `${method} ${path}` in bodies ? MULTIPART : FORM;
}

/** openapi-fetch's `bodySerializer`: encodes the body as the chosen Content-Type says. */
export function serializeBody(body: unknown, headers?: Headers): BodyInit {
  // A ready FormData (an escape hatch the types do not advertise) is sent as it is.
  if (body instanceof FormData) return body;
  const pairs = toWirePairs(body as object);
  if (headers?.get("content-type")?.startsWith(FORM)) return encodePairs(pairs);
  const form = new FormData();
  for (const [name, value] of pairs) form.append(name, value);
  return form;
}
