// The sandbox's clock, per tenant, in epoch seconds: the machine's time plus the tenant's
// offset, or a fixed time while the clock is frozen. Every timestamp a handler writes comes
// from here, and the control API sets or advances it, so a test can create a request "two hours
// ago" or step past a token's expiry without waiting.
import type { ClockState } from "../spec/control.js";
import type { TenantStore } from "./store.js";

export type { ClockState };

const OFFSET_KEY = "clock.offset_seconds";
const FROZEN_KEY = "clock.frozen_at";

const machineNow = () => Math.floor(Date.now() / 1000);

export function sandboxNow(store: TenantStore): number {
  const frozen = store.setting(FROZEN_KEY);
  if (frozen !== undefined) return Number(frozen);
  return machineNow() + Number(store.setting(OFFSET_KEY) ?? 0);
}

export function clockState(store: TenantStore): ClockState {
  return { now: sandboxNow(store), frozen: store.setting(FROZEN_KEY) !== undefined };
}

export function setClockOffset(store: TenantStore, seconds: number): void {
  store.setSetting(OFFSET_KEY, String(Math.trunc(seconds)));
}

/** Sets the sandbox time; `frozen` keeps it there, otherwise it runs on from it. */
export function setClock(store: TenantStore, epochSeconds: number, frozen: boolean): void {
  const now = Math.trunc(epochSeconds);
  store.transaction(() => {
    setClockOffset(store, now - machineNow());
    if (frozen) store.setSetting(FROZEN_KEY, String(now));
    else store.deleteSetting(FROZEN_KEY);
  });
}

/** Moves the sandbox time forward (or back, with a negative number) by `seconds`. */
export function advanceClock(store: TenantStore, seconds: number): void {
  store.transaction(() => {
    const state = clockState(store);
    setClock(store, state.now + seconds, state.frozen);
  });
}
