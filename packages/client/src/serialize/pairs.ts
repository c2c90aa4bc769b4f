// The server is PHP, so parameters are flattened the way PHP rebuilds arrays from a query
// string or a form body: `ids[]=1&ids[]=2`, `key_values[color]=blue`, booleans as 1/0, and
// unset values left out. One flattening feeds the query string, form bodies and multipart
// bodies alike, so the three can never disagree.

export type WirePair = [name: string, value: string | Blob];

export const isBlob = (value: unknown): value is Blob => value instanceof Blob;

function push(pairs: WirePair[], name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (isBlob(value)) pairs.push([name, value]);
  else if (Array.isArray(value)) {
    value.forEach((item, index) =>
      // Scalars repeat `name[]`; nested structures need an index to stay grouped in PHP.
      push(
        pairs,
        item !== null && typeof item === "object" && !isBlob(item)
          ? `${name}[${index}]`
          : `${name}[]`,
        item,
      ),
    );
  } else if (typeof value === "object") {
    for (const [key, item] of Object.entries(value)) push(pairs, `${name}[${key}]`, item);
  } else pairs.push([name, String(typeof value === "boolean" ? +value : value)]);
}

/** Flattens a parameter object into wire name/value pairs, in insertion order. */
export function toWirePairs(params: object | null | undefined): WirePair[] {
  const pairs: WirePair[] = [];
  if (params) for (const [name, value] of Object.entries(params)) push(pairs, name, value);
  return pairs;
}
