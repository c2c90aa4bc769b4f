// The PHP-style wire encoding of WIRE.md, for samples that show raw requests (curl): arrays
// repeat the name with brackets (`ids[]=1&ids[]=2`), dictionaries put the key in brackets
// (`key_values[color]=blue`), booleans travel as 1/0 and unset values are not sent. A comma
// list or a bare repeated name would be misread by the server, so they are never produced.

/**
 * Flattens one parameter into the name/value pairs the server reads.
 * @param {string} name
 * @param {unknown} value
 * @returns {Array<[string, string]>}
 */
export function toWirePairs(name, value) {
  if (value === undefined || value === null) return [];
  if (typeof value === "boolean") return [[name, value ? "1" : "0"]];
  if (Array.isArray(value)) {
    // Scalars share `name[]`; structured items need their index so their keys stay together.
    return value.flatMap((item, index) =>
      typeof item === "object" && item !== null
        ? toWirePairs(`${name}[${index}]`, item)
        : toWirePairs(`${name}[]`, item),
    );
  }
  if (typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => toWirePairs(`${name}[${key}]`, item));
  }
  return [[name, String(value)]];
}

/**
 * All pairs of a set of named values, in their order.
 * @param {Iterable<[string, unknown]>} entries
 * @returns {Array<[string, string]>}
 */
export function wirePairsOf(entries) {
  return [...entries].flatMap(([name, value]) => toWirePairs(name, value));
}
