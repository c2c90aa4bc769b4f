// The sandbox's clock: the machine's time plus the tenant's offset, in epoch seconds. Every
// timestamp a handler writes comes from here, so the control API (phase 2) can set or advance
// a tenant's time by storing another offset.
import type { TenantStore } from "./store.js";

const OFFSET_KEY = "clock.offset_seconds";

export function sandboxNow(store: TenantStore): number {
  const offset = Number(store.setting(OFFSET_KEY) ?? 0);
  return Math.floor(Date.now() / 1000) + offset;
}

export function setClockOffset(store: TenantStore, seconds: number): void {
  store.setSetting(OFFSET_KEY, String(Math.trunc(seconds)));
}
