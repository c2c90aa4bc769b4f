// Faults a test arms for its tenant: the next N calls of one operation answer an error status
// (429 with Retry-After, 500, 503, ...), wait before answering, or lose their connection. They
// live in memory: a fault is part of a test run, not of the tenant's data.
import type { FaultAction } from "../../spec/control.js";

export type { FaultAction };

export interface Fault {
  operationId: string;
  /** How many more calls it hits. */
  remaining: number;
  action: FaultAction;
}

/** Bounds that keep a fault from outliving the server's own timeouts or a test run. */
export const FAULT_LIMITS = { maxTimes: 1000, maxDelayMs: 60_000, maxRetryAfter: 3600 } as const;

export class FaultBoard {
  private readonly byTenant = new Map<string, Fault[]>();

  add(tenant: string, fault: Fault): void {
    const list = this.byTenant.get(tenant) ?? [];
    list.push(fault);
    this.byTenant.set(tenant, list);
  }

  list(tenant: string): Fault[] {
    return (this.byTenant.get(tenant) ?? []).map((fault) => ({ ...fault }));
  }

  clear(tenant: string): void {
    this.byTenant.delete(tenant);
  }

  /** The action for this call, if a fault is armed for its operation; counts the call. */
  take(tenant: string, operationId: string): FaultAction | undefined {
    const list = this.byTenant.get(tenant);
    if (!list) return undefined;
    const index = list.findIndex((fault) => fault.operationId === operationId);
    if (index === -1) return undefined;
    const fault = list[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) list.splice(index, 1);
    if (list.length === 0) this.byTenant.delete(tenant);
    return fault.action;
  }
}
