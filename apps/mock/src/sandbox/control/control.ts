// What the control API does to one tenant, independent of HTTP: the routes under /__sandbox/
// and startMock()'s methods both call this. A tenant is named by its key (tenant-key.ts).
import type { Operation } from "../../spec/operations.js";
import { advanceClock, clockState, sandboxNow, setClock, type ClockState } from "../clock.js";
import type { Seed } from "../seed.js";
import { type TenantPool, writeSeed } from "../tenants.js";
import {
  ControlError,
  type EngineControl,
  type FaultAction,
  type FaultRequest,
  type FaultView,
  type JournalEntry,
} from "../../spec/control.js";
import { advanceFits, clockEpoch } from "./clock-input.js";
import { FAULT_LIMITS, FaultBoard, type Fault } from "./faults.js";
import { Journal } from "./journal.js";
import { snapshotRefusal } from "./snapshot-limits.js";

export { ControlError, type FaultRequest, type FaultView };

const SNAPSHOT_NAME = /^[A-Za-z0-9._-]{1,64}$/;

function checkSnapshotName(name: string): void {
  if (!SNAPSHOT_NAME.test(name)) {
    throw new ControlError(
      `A snapshot name is 1 to 64 letters, digits, dots, dashes or underscores; got ${JSON.stringify(name)}.`,
    );
  }
}

const isInt = (value: unknown): value is number => Number.isInteger(value);

export class SandboxControl implements EngineControl {
  readonly faults = new FaultBoard();
  readonly journal = new Journal();
  /** The first tenant that called the API: startMock()'s methods act on it by default. */
  firstTenant: string | undefined;
  /** Whether a second tenant has called too: then startMock()'s methods need one named. */
  severalTenants = false;
  private readonly byName = new Map<string, Operation>();

  constructor(
    private readonly tenants: TenantPool,
    private readonly seed: Seed,
    operations: readonly Operation[],
  ) {
    for (const operation of operations) {
      this.byName.set(operation.operationId, operation);
      this.byName.set(`${operation.method.toUpperCase()} ${operation.path}`, operation);
    }
  }

  /** Sandbox time of a tenant (opens it, creating it from the seed if new). */
  now(tenant: string): number {
    return sandboxNow(this.tenants.store(tenant));
  }

  noteCall(tenant: string): void {
    if (this.firstTenant === undefined) this.firstTenant = tenant;
    else if (tenant !== this.firstTenant) this.severalTenants = true;
  }

  /** Back to the seed: data, ids and clock; the tenant's faults and journal are cleared too. */
  reset(tenant: string): void {
    const store = this.tenants.store(tenant);
    store.transaction(() => {
      store.clearState();
      writeSeed(store, this.seed);
    });
    this.faults.clear(tenant);
    this.journal.clear(tenant);
  }

  snapshot(tenant: string, name: string): void {
    checkSnapshotName(name);
    const store = this.tenants.store(tenant);
    const refusal = snapshotRefusal(store, name);
    if (refusal) throw new ControlError(refusal, 409);
    store.saveSnapshot(name, sandboxNow(store));
  }

  restore(tenant: string, name: string): void {
    checkSnapshotName(name);
    if (!this.tenants.store(tenant).restoreSnapshot(name)) {
      throw new ControlError(`There is no snapshot named ${JSON.stringify(name)}.`, 404);
    }
  }

  dropSnapshot(tenant: string, name: string): void {
    checkSnapshotName(name);
    if (!this.tenants.store(tenant).dropSnapshot(name)) {
      throw new ControlError(`There is no snapshot named ${JSON.stringify(name)}.`, 404);
    }
  }

  snapshots(tenant: string): { name: string; takenAt: number }[] {
    return this.tenants.store(tenant).snapshots();
  }

  clock(tenant: string): ClockState {
    return clockState(this.tenants.store(tenant));
  }

  /** `time`: epoch seconds or an ISO 8601 date-time with its offset. */
  setClock(tenant: string, time: unknown, frozen: unknown = false): ClockState {
    if (typeof frozen !== "boolean") throw new ControlError("frozen must be true or false.");
    const epoch = clockEpoch(time);
    if (epoch === undefined) {
      throw new ControlError(
        "now must be epoch seconds (an integer) or an ISO 8601 date-time with its offset, such as 2026-11-03T09:14:00Z, from 1970 to the year 9999.",
      );
    }
    const store = this.tenants.store(tenant);
    setClock(store, epoch, frozen);
    return clockState(store);
  }

  advanceClock(tenant: string, seconds: unknown): ClockState {
    if (!isInt(seconds)) throw new ControlError("seconds must be an integer (negative goes back).");
    const store = this.tenants.store(tenant);
    if (!advanceFits(sandboxNow(store), seconds)) {
      throw new ControlError(
        "seconds would move the clock outside 1970 to the year 9999; the clock is unchanged.",
      );
    }
    advanceClock(store, seconds);
    return clockState(store);
  }

  addFault(tenant: string, request: FaultRequest): FaultView {
    const operation = this.byName.get(String(request.operation));
    if (!operation) {
      throw new ControlError(
        `operation must be an operationId (createIncident) or METHOD /endpoint (POST /incident) of the description; got ${JSON.stringify(request.operation)}.`,
      );
    }
    const times = request.times ?? 1;
    if (!isInt(times) || times < 1 || times > FAULT_LIMITS.maxTimes) {
      throw new ControlError(`times must be an integer from 1 to ${FAULT_LIMITS.maxTimes}.`);
    }
    const kinds = [request.status, request.delayMs, request.drop].filter((v) => v !== undefined);
    if (kinds.length !== 1) {
      throw new ControlError("Give exactly one of status, delayMs or drop.");
    }
    let action: FaultAction;
    if (request.status !== undefined) {
      const { status } = request;
      if (!isInt(status) || status < 400 || status > 599) {
        throw new ControlError("status must be an HTTP error status, 400 to 599.");
      }
      const retryAfter = request.retryAfter ?? (status === 429 ? 1 : undefined);
      if (
        retryAfter !== undefined &&
        (!isInt(retryAfter) || retryAfter < 0 || retryAfter > FAULT_LIMITS.maxRetryAfter)
      ) {
        throw new ControlError(
          `retryAfter must be whole seconds, 0 to ${FAULT_LIMITS.maxRetryAfter}.`,
        );
      }
      action = retryAfter === undefined ? { status } : { status, retryAfter };
    } else if (request.delayMs !== undefined) {
      const { delayMs } = request;
      if (!isInt(delayMs) || delayMs < 0 || delayMs > FAULT_LIMITS.maxDelayMs) {
        throw new ControlError(`delayMs must be an integer from 0 to ${FAULT_LIMITS.maxDelayMs}.`);
      }
      action = { delayMs };
    } else {
      if (request.drop !== true) throw new ControlError("drop must be true when given.");
      action = { drop: true };
    }
    const fault: Fault = { operationId: operation.operationId, remaining: times, action };
    this.faults.add(tenant, fault);
    return viewFault(fault);
  }

  listFaults(tenant: string): FaultView[] {
    return this.faults.list(tenant).map(viewFault);
  }

  clearFaults(tenant: string): void {
    this.faults.clear(tenant);
  }

  journalOf(tenant: string): JournalEntry[] {
    return this.journal.entries(tenant);
  }

  clearJournal(tenant: string): void {
    this.journal.clear(tenant);
  }
}

function viewFault(fault: Fault): FaultView {
  return { operation: fault.operationId, remaining: fault.remaining, ...fault.action };
}
