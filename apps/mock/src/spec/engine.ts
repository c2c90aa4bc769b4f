// What answers a call once the front has routed, authenticated and validated it. The front is
// the same for both modes; only the engine differs: Prism's examples, or the stateful sandbox.
import type { IncomingHttpHeaders } from "node:http";
import type { JsonObject } from "./description.js";
import type { Operation } from "./operations.js";
import type { Problem } from "./problem.js";
import type { EngineControl } from "./control.js";

export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  /** JSON to serialise, a string, or a Buffer sent byte for byte (the proxy's answers). */
  body: unknown;
}

/** A request as it came over the wire, for an engine that sends it on (the proxy). */
export interface WireRequest {
  method: string;
  /** The path after the API base (`/incident`), or the token endpoint's path. */
  path: string;
  /** The query string as sent, without `?`. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One API call as the front hands it over: routed, parsed, coerced and valid. */
export interface ApiCall {
  operation: Operation;
  /** Query and body parameters merged by PHP's rules, in the types the description declares. */
  params: JsonObject;
  headers: IncomingHttpHeaders;
  /**
   * Whose sandbox this call acts on (`basic:<user>`, `bearer:<token digest>`, `anonymous`).
   * Never a secret: a Bearer token is only present as a digest.
   */
  tenant: string;
  /** The same call as it came over the wire. */
  wire: WireRequest;
}

export interface AnswerEngine {
  answer(call: ApiCall): Promise<MockAnswer | Problem>;
  /** Whether the engine has a real answer for the operation (the sandbox lacks some yet). */
  handles(operation: Operation): boolean;
  /** The control API (reset, snapshots, clock, faults, journal), for an engine with tenants. */
  control?: EngineControl;
  /**
   * Calls that fail request validation reach the engine instead of getting the front's 428
   * (the proxy with `--forward-invalid`).
   */
  answersInvalidCalls?: boolean;
  /** Answers the OAuth token endpoint in place of the front's issuer (the proxy forwards it). */
  answerTokenRequest?(request: WireRequest): Promise<MockAnswer | Problem>;
  /** Routes of the engine's own beside the API (`/__proxy/...`); undefined for any other path. */
  answerOwnRoute?(method: string, pathname: string): Promise<MockAnswer> | undefined;
  /** Releases what the engine holds (open databases); called when the server closes. */
  close(): Promise<void>;
}
