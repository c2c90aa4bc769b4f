// openapi-fetch's \`querySerializer\`: every query string the client builds goes through here.
// It is the form encoding of the pairs, as in a form body: PHP decodes both alike, \`+\` as a space
// included. (A query never holds a Blob: the types only allow them in bodies.)
import { toWirePairs } from "./pairs.js";

export function serializeQuery(query: object | null | undefined): string {
  return new URLSearchParams(toWirePairs(query) as string[][]).toString();
}
