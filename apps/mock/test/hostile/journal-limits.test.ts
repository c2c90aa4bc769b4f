// Finding 3 of the security review: the journal kept every call's whole parameters, up to
// 1,000 entries of 10 MB per tenant and any number of tenants. Values are now cut at 1 kB
// (marked), and each tenant and the whole process keep a bounded number of bytes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";
import { Journal, type JournalEntry } from "../../src/sandbox/control/journal.js";
import {
  JOURNAL_PROCESS_BYTES,
  JOURNAL_TENANT_BYTES,
  JOURNAL_VALUE_LIMIT,
} from "../../src/sandbox/control/journal-limits.js";
import { basic } from "./basic.js";

const entry = (text: string): JournalEntry => ({
  time: 0,
  method: "POST",
  endpoint: "/incident",
  operationId: "createIncident",
  params: { title: text, nested: { list: [text] } },
  status: 428,
});

describe("the journal's bounds", () => {
  it("cuts a long value at 1 kB and marks it", () => {
    const journal = new Journal();
    journal.record("a", entry("x".repeat(8 * 1024 * 1024)));
    const [kept] = journal.entries("a");
    const cut = `${"x".repeat(JOURNAL_VALUE_LIMIT)}…[cut: ${8 * 1024 * 1024} characters in all]`;
    expect(kept!.params).toEqual({ title: cut, nested: { list: [cut] } });
    expect(journal.totalBytes).toBeLessThan(8 * 1024);
  });

  it("keeps a tenant's journal under its byte budget, newest entries kept", () => {
    const journal = new Journal(20_000, 1_000_000);
    for (let i = 0; i < 100; i++) journal.record("a", entry(`${i}`.padEnd(1000, "-")));
    const kept = journal.entries("a");
    expect(kept.length).toBeLessThan(100);
    expect(kept.at(-1)!.params["title"]).toMatch(/^99-/);
    expect(journal.totalBytes).toBeLessThanOrEqual(20_000);
  });

  it("keeps the whole process under its budget by trimming the largest journal", () => {
    const journal = new Journal(1_000_000, 50_000);
    for (let i = 0; i < 60; i++) journal.record("heavy", entry("h".repeat(1000)));
    journal.record("light", entry("l"));
    expect(journal.totalBytes).toBeLessThanOrEqual(50_000);
    expect(journal.entries("light")).toHaveLength(1);
    journal.clear("heavy");
    expect(journal.entries("light")).toHaveLength(1);
    expect(journal.totalBytes).toBeLessThan(1_000);
  });

  it("has defaults a test suite fits in: 4 MB a tenant, 64 MB in all", () => {
    expect([JOURNAL_TENANT_BYTES, JOURNAL_PROCESS_BYTES]).toEqual([4 * 1024 ** 2, 64 * 1024 ** 2]);
  });
});

describe("over HTTP", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, mode: "sandbox", memory: true });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it("journals a rejected 2 MB post with its value cut", async () => {
    const user = "journal-big";
    const response = await fetch(`${mock.apiUrl}/incident`, {
      method: "POST",
      headers: { authorization: basic(user), "content-type": "application/json" },
      body: JSON.stringify({ title: "t".repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(428);
    const [call] = await mock.tenant({ username: user }).journal();
    expect(call!.params["title"]).toBe(
      `${"t".repeat(JOURNAL_VALUE_LIMIT)}…[cut: ${2 * 1024 * 1024} characters in all]`,
    );
  });
});
