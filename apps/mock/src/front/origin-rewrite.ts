// The reference site, the Postman collection and the bundled description are built with the
// mock's default address (http://127.0.0.1:4010) in their samples, server lists and embedded
// state. Served by a mock on another port or name, they would send readers' "try it" calls to
// a server that is not there, so the text files get that address replaced by the origin the
// page was asked from. Each file is read once per origin and kept while it is unchanged on disk.
import { readFileSync, statSync } from "node:fs";

/** The address the docs build writes; `--port 4010` on loopback serves it unchanged. */
export const BUILT_ORIGIN = "http://127.0.0.1:4010";

/** Origins differ by Host header (any loopback name and port): keep a bounded few. */
const MAX_ENTRIES = 32;

export type OriginRewriter = (file: string, origin: string) => Buffer;

export function createOriginRewriter(): OriginRewriter {
  const cache = new Map<string, { stamp: string; body: Buffer }>();
  return (file, origin) => {
    const { mtimeMs, size } = statSync(file);
    const stamp = `${mtimeMs}:${size}`;
    const key = `${origin} ${file}`;
    const kept = cache.get(key);
    if (kept?.stamp === stamp) {
      // Most recently used last, so the oldest is the one dropped.
      cache.delete(key);
      cache.set(key, kept);
      return kept.body;
    }
    const body = Buffer.from(readFileSync(file, "utf8").replaceAll(BUILT_ORIGIN, origin), "utf8");
    cache.delete(key);
    cache.set(key, { stamp, body });
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    return body;
  };
}
