// The console's history: kept in localStorage, never with secrets or file contents.
import { describe, expect, it } from "vitest";
import {
  addToHistory,
  HISTORY_KEY,
  HISTORY_LIMIT,
  historyEntry,
  readHistory,
} from "../src/console/history.js";

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
    dump: () => Object.fromEntries(items),
  };
}

const call = {
  time: 1,
  operationId: "createUser",
  baseUrl: "http://127.0.0.1:4010/api/v1",
  auth: "basic" as const,
  user: "demo",
  status: 200,
};

describe("history", () => {
  it("leaves out password fields and keeps files by name only", () => {
    const entry = historyEntry(
      {
        ...call,
        query: { username: "maya", password: "hunter2" },
        body: { attachments: [new File(["secret bytes"], "scan.pdf")], note: "n" },
      },
      new Set(["password"]),
    );
    expect(entry.query).toEqual({ username: "maya" });
    expect(entry.body).toEqual({ attachments: [{ file: "scan.pdf" }], note: "n" });
    const storage = memoryStorage();
    addToHistory(storage, entry);
    const stored = storage.dump()[HISTORY_KEY] ?? "";
    expect(stored).not.toContain("hunter2");
    expect(stored).not.toContain("secret bytes");
  });

  it("keeps the newest entries first, up to the limit", () => {
    const storage = memoryStorage();
    for (let time = 0; time < HISTORY_LIMIT + 5; time += 1)
      addToHistory(storage, historyEntry({ ...call, time, query: {}, body: undefined }, new Set()));
    const history = readHistory(storage);
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]?.time).toBe(HISTORY_LIMIT + 4);
  });

  it("starts again from a damaged entry", () => {
    expect(readHistory(memoryStorage({ [HISTORY_KEY]: "{not json" }))).toEqual([]);
    expect(readHistory(memoryStorage({ [HISTORY_KEY]: '{"an":"object"}' }))).toEqual([]);
  });
});
