// openapi-fetch's `querySerializer`: every query string the client builds goes through here.
import { encodePairs, toWirePairs } from "./pairs.js";

export function serializeQuery(query: object | null | undefined): string {
  return encodePairs(toWirePairs(query));
}
