// @sd-toolkit/client/wire: the API's PHP wire rules on their own, for tools that write raw
// requests (the docs' curl samples, the mock's example requests) and must encode parameters
// exactly as the client does. It is the client's own encoder, not a copy.
export { toWirePairs, type WirePair } from "./serialize/pairs.js";
