// The control API's contract: what a test can do to one tenant of an engine that keeps state
// (reset, snapshots, clock, faults, journal), and what the front asks of such an engine on
// every call (its clock, the journal, an armed fault). The front's routes and the sandbox both
// depend on this file, not on each other.
import type { OperationKey, operations } from "@sd-toolkit/types";
import type { JsonObject } from "./description.js";

/**
 * The OAuth scope a token from the token endpoint needs on the control API (front/control-scope.ts
 * enforces it; the control client asks for it).
 */
export const CONTROL_SCOPE = "sandbox.control";

/** A mistake in a control request; the routes answer it with 400 (or 404) and the message. */
export class ControlError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type FaultAction =
  { status: number; retryAfter?: number } | { delayMs: number } | { drop: true };

/** An operation of the description by its operationId (`createIncident`). */
export type OperationId = keyof operations & string;

/** What a test sends to arm a fault. */
export interface FaultRequest {
  /**
   * An operationId (`createIncident`) or `METHOD /endpoint` (`POST /incident`); both are
   * unions of the description's operations, so a misspelt one does not compile.
   */
  operation: OperationId | OperationKey;
  /** How many calls it hits (1 unless given). */
  times?: number;
  /** Answer this status instead (429 carries Retry-After). */
  status?: number;
  /** Seconds in the Retry-After of a 429 (1 unless given). */
  retryAfter?: number;
  /** Wait this long, then answer normally. */
  delayMs?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
}

export interface FaultView {
  operation: string;
  remaining: number;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  drop?: boolean;
}

export interface JournalEntry {
  /** Sandbox time of the call, epoch seconds. */
  time: number;
  method: string;
  /** The endpoint as the description writes it, e.g. `/incident`. */
  endpoint: string;
  operationId: string;
  params: JsonObject;
  /** The status answered; null when a fault dropped the connection. */
  status: number | null;
}

export interface ClockState {
  /** Sandbox time, epoch seconds. */
  now: number;
  /** True while the clock stands still (it moves only when advanced). */
  frozen: boolean;
}

/** What the front needs of an engine with tenants: the routes under /__sandbox/ call it. */
export interface EngineControl {
  /** The first tenant that called the API: startMock()'s methods act on it by default. */
  readonly firstTenant: string | undefined;
  /** True once a second tenant has called: "the first tenant" is then ambiguous. */
  readonly severalTenants: boolean;
  /** The tenant's own time, epoch seconds (it also measures tokens' expiry). */
  now(tenant: string): number;
  noteCall(tenant: string): void;
  readonly journal: { record(tenant: string, entry: JournalEntry): void };
  /** The action for this call if a fault is armed for its operation; counts the call. */
  readonly faults: { take(tenant: string, operationId: string): FaultAction | undefined };
  reset(tenant: string): void;
  snapshot(tenant: string, name: string): void;
  restore(tenant: string, name: string): void;
  dropSnapshot(tenant: string, name: string): void;
  snapshots(tenant: string): { name: string; takenAt: number }[];
  clock(tenant: string): ClockState;
  setClock(tenant: string, time: unknown, frozen?: unknown): ClockState;
  advanceClock(tenant: string, seconds: unknown): ClockState;
  addFault(tenant: string, request: FaultRequest): FaultView;
  listFaults(tenant: string): FaultView[];
  clearFaults(tenant: string): void;
  journalOf(tenant: string): JournalEntry[];
  clearJournal(tenant: string): void;
}
