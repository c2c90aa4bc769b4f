// Parses `name=value&...` text (a query string or a form body) by PHP's rules, which are the
// real server's: `ids[]=1&ids[]=2` and `ids[0]=1&ids[1]=2` are arrays, `key_values[k]=v` is a
// dictionary, and a bare name given twice keeps its last value. Unlike PHP, text that is not
// valid percent-encoded UTF-8 is refused (400) instead of reaching the operation garbled.
import qs from "qs";
import type { Json } from "../spec/description.js";
import { ProblemError } from "../spec/problem.js";

/** PHP's default max_input_vars; it also bounds the size of one array. */
export const MAX_PARAMETERS = 1000;
/** Deeper than `a[b][c][d][e]` is not something this API uses. */
export const MAX_DEPTH = 5;

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
  // Not true: with it qs also throws on one index past arrayLimit, so `ids[1000]=7` (a single
  // parameter, which PHP reads as an array of one) was refused as "too many parameters". An
  // index past the limit becomes a key of an object instead (`{"1000": "7"}`, no sparse array
  // is allocated), which coerce.ts turns into a list. The parameter count is checked below.
  throwOnLimitExceeded: false,
  duplicates: "last",
  allowPrototypes: false,
  decoder: strictDecode,
} as const;

/** The 400 for input with more parameters than the real server reads. */
export function tooManyParameters(where: string): ProblemError {
  return new ProblemError({
    status: 400,
    title: "Too many parameters",
    detail: `The ${where} holds more than ${MAX_PARAMETERS} parameters (or array items); the real server reads at most ${MAX_PARAMETERS} (PHP's max_input_vars).`,
  });
}

/** The 400 for brackets (or JSON objects) nested deeper than MAX_DEPTH. */
export function nestedTooDeep(where: string): ProblemError {
  return new ProblemError({
    status: 400,
    title: "Parameters nested too deep",
    detail: `The ${where} nests parameters more than ${MAX_DEPTH} levels deep (as in a[b][c][d][e][f][g]); at most ${MAX_DEPTH} are read.`,
  });
}

function countParts(text: string): number {
  let parts = 1;
  for (let i = text.indexOf("&"); i !== -1; i = text.indexOf("&", i + 1)) parts++;
  return parts;
}

/** `where` names the source in error messages: "query string", "form body", ... */
export function parseWireParams(text: string, where: string): { [name: string]: Json } {
  if (text === "") return {};
  // qs, told not to throw, would silently drop everything past parameterLimit.
  if (countParts(text) > MAX_PARAMETERS) throw tooManyParameters(where);
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
    // strictDepth is the one limit qs still throws for.
    if (error instanceof RangeError) throw nestedTooDeep(where);
    throw error;
  }
}
