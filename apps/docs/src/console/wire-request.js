// The request the console sends, encoded by the client's own wire encoder
// (`@sd-toolkit/client/wire`): the query string and form bodies hold the same PHP pairs the
// client would send (`ids[]=1`, `key_values[k]=v`, booleans as 1/0); a multipart body carries
// files. fetch writes the Content-Type from the body it is given.
import { toWirePairs } from "@sd-toolkit/client/wire";

/**
 * @typedef {object} Call
 * @property {string} method upper-case HTTP method
 * @property {string} baseUrl e.g. `http://127.0.0.1:4010/api/v1`, without a trailing slash
 * @property {string} path the endpoint, e.g. `/incident`
 * @property {Record<string, unknown>} query
 * @property {Record<string, unknown> | undefined} body undefined for operations without a body
 * @property {string | undefined} mediaType what the body is sent as (model.js sendingMediaType)
 */

/**
 * @param {Call} call
 * @returns {{ url: string, body: URLSearchParams | FormData | undefined }}
 */
export function wireRequest({ baseUrl, path, query, body, mediaType }) {
  const search = new URLSearchParams(/** @type {string[][]} */ (toWirePairs(query))).toString();
  const url = `${baseUrl.replace(/\/+$/, "")}${path}${search ? `?${search}` : ""}`;
  if (body === undefined) return { url, body: undefined };
  const pairs = toWirePairs(body);
  if (mediaType === "multipart/form-data" || pairs.some(([, value]) => value instanceof Blob)) {
    const form = new FormData();
    for (const [name, value] of pairs) form.append(name, value);
    return { url, body: form };
  }
  return { url, body: new URLSearchParams(/** @type {string[][]} */ (pairs)) };
}
