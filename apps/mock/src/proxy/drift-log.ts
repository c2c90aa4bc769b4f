// Counts what the proxy (or `verify`) has seen: calls per operation, and every drift by
// operation, kind and path, with when it was first and last seen. The report is built from it.
import type { Operation } from "../spec/operations.js";
import type { DriftFinding, DriftKind } from "./drift-kinds.js";

export interface DriftEntry extends DriftFinding {
  /** How many answers showed it. */
  count: number;
  firstSeen: string;
  lastSeen: string;
}

export interface OperationLog {
  operation: Operation;
  calls: number;
  drifts: Map<string, DriftEntry>;
}

export interface DriftLog {
  /** Records one answer and what was found in it. */
  record(operation: Operation, findings: readonly DriftFinding[]): void;
  /** Operations in the order they were first called. */
  operations(): OperationLog[];
  totals(): { calls: number; drifts: number; byKind: Partial<Record<DriftKind, number>> };
}

export function createDriftLog(now: () => Date = () => new Date()): DriftLog {
  const byOperation = new Map<Operation, OperationLog>();
  return {
    record(operation, findings) {
      let log = byOperation.get(operation);
      if (!log) {
        log = { operation, calls: 0, drifts: new Map() };
        byOperation.set(operation, log);
      }
      log.calls += 1;
      const time = now().toISOString();
      for (const finding of findings) {
        const key = `${finding.kind} ${finding.at}`;
        const entry = log.drifts.get(key);
        if (entry) {
          entry.count += 1;
          entry.lastSeen = time;
          // The latest sighting is the one worth showing next to the description's claim.
          entry.seen = finding.seen;
        } else {
          log.drifts.set(key, { ...finding, count: 1, firstSeen: time, lastSeen: time });
        }
      }
    },
    operations: () => [...byOperation.values()],
    totals() {
      let calls = 0;
      let drifts = 0;
      const byKind: Partial<Record<DriftKind, number>> = {};
      for (const log of byOperation.values()) {
        calls += log.calls;
        for (const entry of log.drifts.values()) {
          drifts += 1;
          byKind[entry.kind] = (byKind[entry.kind] ?? 0) + 1;
        }
      }
      return { calls, drifts, byKind };
    },
  };
}
