// The contract between the sandbox and a domain module. A domain module (one per tag of the
// description, in ./domains/, named after the tag in kebab case) exports its tag, the kinds of
// record it stores, and one handler per operationId of that tag.
import type { Json, JsonObject } from "../spec/description.js";
import type { Operation } from "../spec/operations.js";
import type { DateWriter } from "./dates.js";
import type { TenantStore } from "./store.js";

/** What a handler answers: a status (200 unless said otherwise) and a JSON body. */
export interface SandboxAnswer {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

export interface HandlerContext {
  /**
   * The call's parameters, already parsed from the query and the body, coerced to the types
   * the description declares and validated against it: a required parameter is present, an
   * integer is a number, an array is an array.
   */
  params: JsonObject;
  /** The tenant's state; the whole handler runs in one transaction. */
  store: TenantStore;
  /** The sandbox clock in epoch seconds: every timestamp a handler writes comes from it. */
  now: number;
  /** Writes stored epoch seconds the way the call asked (`date_format`). */
  dates: DateWriter;
  operation: Operation;
}

export type Handler = (context: HandlerContext) => SandboxAnswer;

/** A kind of record a domain stores, and the description's schema its records follow. */
export interface KindSpec {
  /** Component schema name in the description (`Request`), used to validate seed records. */
  schema: string;
}

export interface DomainModule {
  /** The tag of the description this module serves, exactly as spelled there. */
  tag: string;
  kinds?: Record<string, KindSpec>;
  handlers: Record<string, Handler>;
}
