// Write bodies. The encoding is chosen per operation from the description (through the
// generated manifest): form-encoded unless the operation only takes multipart, and multipart
// whenever a Blob/File is present, since a form-encoded body cannot carry a file. (The
// generator refuses operations that take neither, so no other encoding is needed.)
// The body goes to fetch as URLSearchParams or as FormData, and fetch writes the Content-Type
// from it: `application/x-www-form-urlencoded;charset=UTF-8`, or multipart with the boundary.
import { bodies } from "../generated/manifest.js";
import { isBlob, toWirePairs } from "./pairs.js";

/** The body of `method path`, ready for fetch. */
export function serializeBody(
  method: string,
  path: string,
  body: unknown,
): URLSearchParams | FormData {
  // A ready FormData (an escape hatch the types do not advertise) is sent as it is.
  if (body instanceof FormData) return body;
  const pairs = toWirePairs(body as object);
  // The manifest lists only the operations that cannot take a form.
  if (`${method} ${path}` in bodies || pairs.some(([, value]) => isBlob(value))) {
    const form = new FormData();
    for (const [name, value] of pairs) form.append(name, value);
    return form;
  }
  return new URLSearchParams(pairs as string[][]);
}
