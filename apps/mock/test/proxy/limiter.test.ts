// The limiter alone, on a clock the test moves: calls past the rate wait for the window to
// move on, and calls past the concurrency wait for one to finish.
import { describe, expect, it } from "vitest";
import { createLimiter } from "../../src/proxy/limiter.js";

describe("the limiter", () => {
  it("starts no more than rps calls within one window of the clock", async () => {
    let clock = 0;
    const limiter = createLimiter({ rps: 2, concurrency: 10, now: () => clock });
    const started: number[] = [];
    const runs = [1, 2, 3].map((n) => limiter.run(async () => started.push(n)));
    await Promise.all(runs.slice(0, 2));
    expect(started).toEqual([1, 2]);
    expect(limiter.waiting).toBe(1);
    clock = 1000;
    await runs[2];
    expect(started).toEqual([1, 2, 3]);
  });

  it("starts the next call when one in flight finishes", async () => {
    const limiter = createLimiter({ rps: 100, concurrency: 1 });
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const second = limiter.run(async () => "second");
    expect(limiter.waiting).toBe(1);
    release();
    await first;
    await expect(second).resolves.toBe("second");
  });
});
