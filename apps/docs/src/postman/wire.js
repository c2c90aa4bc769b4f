// The one place the collection takes the project's PHP-style wire encoder from (WIRE.md:
// `ids[]=`, `key_values[key]=`, `1`/`0`). When the encoder moves to its shared home, only this
// re-export changes.
export { toWirePairs } from "../samples/wire-pairs.js";
