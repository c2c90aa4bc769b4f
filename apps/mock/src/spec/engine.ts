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
  body: unknown;
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
}

export interface AnswerEngine {
  answer(call: ApiCall): Promise<MockAnswer | Problem>;
  /** Whether the engine has a real answer for the operation (the sandbox lacks some yet). */
  handles(operation: Operation): boolean;
  /** The control API (reset, snapshots, clock, faults, journal), for an engine with tenants. */
  control?: EngineControl;
  /** Releases what the engine holds (open databases); called when the server closes. */
  close(): Promise<void>;
}
