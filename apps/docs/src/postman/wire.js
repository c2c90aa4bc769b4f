// The one place the collection takes the project's PHP-style wire encoder from (`ids[]=`,
// `key_values[key]=`, `1`/`0`): the client's own, so the collection sends what the client does.
import { toWirePairs as encodeParameters } from "@sd-toolkit/client/wire";

/**
 * The wire pairs of one parameter.
 * @param {string} name
 * @param {unknown} value
 * @returns {Array<[string, string]>}
 */
export function toWirePairs(name, value) {
  return /** @type {Array<[string, string]>} */ (encodeParameters({ [name]: value }));
}
