// The contract between the sandbox and a domain module. A domain module (one per tag of the
// description, in ./domains/, named after the tag in kebab case) exports its tag, the kinds of
// record it stores, and one handler per operationId of that tag.
import type { operations } from "@sd-toolkit/types";
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

/** An operationId of the description, as the generated types list them. */
export type OperationId = keyof operations & string;

type Nothing = Record<never, never>;
type QueryOf<O> = O extends { parameters: { query?: infer Q } }
  ? [Q] extends [undefined]
    ? Nothing
    : NonNullable<Q>
  : Nothing;
type FormOf<O> = O extends {
  requestBody?: { content: { "application/x-www-form-urlencoded": infer B } };
}
  ? B
  : Nothing;

/**
 * The parameters of an operation as the generated types declare them: the query's, and for a
 * call with a body its form fields too (the real server reads both places alike).
 */
export type OperationParams<Op extends OperationId> = Op extends OperationId
  ? QueryOf<operations[Op]> & FormOf<operations[Op]>
  : never;

export interface HandlerContext<Op extends OperationId = OperationId> {
  /**
   * The call's parameters, already parsed from the query and the body, coerced to the types
   * the description declares and validated against it: a required parameter is present, an
   * integer is a number, an array is an array. So the generated types hold, and a parameter
   * name the description lacks does not compile.
   */
  params: OperationParams<Op>;
  /** The tenant's state; the whole handler runs in one transaction. */
  store: TenantStore;
  /** The sandbox clock in epoch seconds: every timestamp a handler writes comes from it. */
  now: number;
  /** Writes stored epoch seconds the way the call asked (`date_format`). */
  dates: DateWriter;
  operation: Operation;
}

export type Handler<Op extends OperationId = OperationId> = (
  context: HandlerContext<Op>,
) => SandboxAnswer;

/** A domain's handlers, each under its operationId and typed by it. */
export type Handlers = { [Op in OperationId]?: Handler<Op> };

/**
 * A handler as the registry keeps it: the engine hands it the front's validated parameters,
 * which the description's types describe (see OperationParams).
 */
export type RegisteredHandler = (
  context: Omit<HandlerContext, "params"> & { params: JsonObject },
) => SandboxAnswer;

/** A kind of record a domain stores, and the description's schema its records follow. */
export interface KindSpec {
  /** Component schema name in the description (`Request`), used to validate seed records. */
  schema: string;
}

export interface DomainModule {
  /** The tag of the description this module serves, exactly as spelled there. */
  tag: string;
  kinds?: Record<string, KindSpec>;
  handlers: Handlers;
}

/**
 * A parameter read by a name chosen at run time (a table of the fields a call may change).
 * The front validated the call, so the value is what the description declares for that name.
 */
export function paramNamed(params: object, name: string): Json | undefined {
  return (params as JsonObject)[name];
}
