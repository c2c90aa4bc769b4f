// Parses `name=value&...` text (a query string or a form body) by PHP's rules, which are the
// real server's: `ids[]=1&ids[]=2` and `ids[0]=1&ids[1]=2` are arrays, `key_values[k]=v` is a
// dictionary, and a bare name given twice keeps its last value. Unlike PHP, text that is not
// valid percent-encoded UTF-8 is refused (400) instead of reaching the operation garbled.
import qs from "qs";
import type { Json } from "./description.js";
import { ProblemError } from "./problem.js";

/** PHP's default max_input_vars; it also bounds the size of one array. */
export const MAX_PARAMETERS = 1000;
/** Deeper than `a[b][c][d][e]` is not something this API uses. */
const MAX_DEPTH = 5;

function strictDecode(text: string): string {
  const spaced = text.includes("+") ? text.replace(/\+/g, " ") : text;
  // decodeURIComponent throws on `%zz` and on escapes that are not UTF-8: that is the check.
  return spaced.includes("%") ? decodeURIComponent(spaced) : spaced;
}

const OPTIONS = {
  depth: MAX_DEPTH,
  strictDepth: true,
  arrayLimit: MAX_PARAMETERS,
  parameterLimit: MAX_PARAMETERS,
  throwOnLimitExceeded: true,
  duplicates: "last",
  allowPrototypes: false,
  decoder: strictDecode,
} as const;

/** `where` names the source in error messages: "query string", "form body", ... */
export function parseWireParams(text: string, where: string): { [name: string]: Json } {
  if (text === "") return {};
  try {
    return qs.parse(text, OPTIONS) as { [name: string]: Json };
  } catch (error) {
    if (error instanceof URIError) {
      throw new ProblemError({
        status: 400,
        title: "Bad percent-encoding",
        detail: `The ${where} holds a % escape that is not valid percent-encoded UTF-8.`,
      });
    }
    if (error instanceof RangeError) {
      throw new ProblemError({
        status: 400,
        title: "Too many parameters",
        detail: `The ${where} is too large: at most ${MAX_PARAMETERS} parameters (or array items) and ${MAX_DEPTH} levels of brackets are read, as on the real server.`,
      });
    }
    throw error;
  }
}
