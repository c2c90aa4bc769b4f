// Finding 2 of the security review: the clock took any value a regular expression with `.*`
// let through (80,000 `T` took seconds) and stored numbers no read could format (`1e300` made
// later reads answer 500). Values are now checked for length and shape, and kept to 1970-9999.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";
import { LATEST_CLOCK } from "../../src/sandbox/control/clock-input.js";
import { basic } from "./basic.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "sandbox", memory: true });
});
afterAll(async () => {
  await mock?.close();
});

const control = (path: string, method: string, body: unknown, user = "clock-input") =>
  fetch(`${mock.origin}/__sandbox${path}`, {
    method,
    headers: { authorization: basic(user), "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("setting the clock", () => {
  it.each([
    ["a number past the year 9999", 1e300],
    ["the first second of the year 10000", LATEST_CLOCK + 1],
    ["a negative time", -1],
    ["80,000 T", "T".repeat(80_000)],
    ["a long value ending like an offset", `2026-11-03T${"9".repeat(5_000)}Z`],
    ["a date-time without its offset", "2026-11-03T09:14:00"],
  ])("refuses %s with 400 and keeps the clock", async (_, now) => {
    const before = (await (await control("/clock", "GET", undefined)).json()) as { now: number };
    const response = await control("/clock", "PUT", { now, frozen: true });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toContain(
      "1970 to the year 9999",
    );
    const after = await control("/clock", "GET", undefined);
    expect(after.status).toBe(200);
    expect(((await after.json()) as { now: number }).now).toBeGreaterThanOrEqual(before.now);
  });

  it("takes the last second of 9999 and an ISO date-time with an offset", async () => {
    expect(
      await (await control("/clock", "PUT", { now: LATEST_CLOCK, frozen: true })).json(),
    ).toEqual({
      now: LATEST_CLOCK,
      frozen: true,
    });
    expect(
      await (
        await control("/clock", "PUT", { now: "2026-11-03T09:14:00.5+01:00", frozen: true })
      ).json(),
    ).toEqual({ now: Date.UTC(2026, 10, 3, 8, 14) / 1000, frozen: true });
  });

  it("refuses an advance that would leave the range, and the clock stays readable", async () => {
    await control("/clock", "PUT", { now: LATEST_CLOCK - 10, frozen: true }, "clock-advance");
    const response = await control("/clock/advance", "POST", { seconds: 11 }, "clock-advance");
    expect(response.status).toBe(400);
    const after = await control("/clock", "GET", undefined, "clock-advance");
    expect(await after.json()).toEqual({ now: LATEST_CLOCK - 10, frozen: true });
  });
});
