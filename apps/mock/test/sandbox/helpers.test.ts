// The helpers domain handlers share: dates, pages, PHP's empty map, the answer shapes.
import { describe, expect, it } from "vitest";
import { httpError, phpMap, refused, written } from "../../src/sandbox/answers.js";
import { dateWriter, readDateFormat } from "../../src/sandbox/dates.js";
import { cursorPage, offsetPage } from "../../src/sandbox/paging.js";

describe("dates", () => {
  it("writes epoch seconds by default and ISO-8601 on request", () => {
    expect(dateWriter("epoch").write(1793610840)).toBe(1793610840);
    expect(dateWriter("iso8601").write(1793610840)).toBe("2026-11-02T09:14:00+00:00");
    expect(dateWriter("iso8601noT").write(1793610840)).toBe("2026-11-02 09:14");
    expect(dateWriter("iso8601").write(null)).toBeNull();
    expect(readDateFormat("iso8601")).toBe("iso8601");
    expect(readDateFormat(undefined)).toBe("epoch");
    expect(readDateFormat(undefined, "iso8601noT")).toBe("iso8601noT");
  });

  it("converts only the named fields of a record", () => {
    const out = dateWriter("iso8601").fields(
      { id: 4211, created_at: 1793610840, solved_at: null },
      ["created_at", "solved_at"],
    );
    expect(out).toEqual({ id: 4211, created_at: "2026-11-02T09:14:00+00:00", solved_at: null });
  });
});

describe("pages", () => {
  const items = Array.from({ length: 7 }, (_, i) => i + 1);

  it("walks a cursor to the end, where next_page_key is null", () => {
    const seen: number[] = [];
    let key: string | null | undefined;
    let pages = 0;
    do {
      const page = cursorPage(items, key ?? undefined, 3);
      seen.push(...page.items);
      key = page.next_page_key;
      pages++;
    } while (key !== null && pages < 10);
    expect(seen).toEqual(items);
    expect(pages).toBe(3);
    expect(cursorPage(items, "not-a-key", 3).items).toEqual([]);
  });

  it("cuts offset pages and reports the total", () => {
    expect(offsetPage(items, 2, 5, 25)).toEqual({ items: [6, 7], limit: 2, offset: 5, total: 7 });
    expect(offsetPage(items, undefined, undefined, 25)).toMatchObject({
      limit: 25,
      offset: 0,
      total: 7,
    });
  });
});

describe("answer shapes", () => {
  it("uses the server's envelopes and PHP's empty map", () => {
    expect(written("Done.", { request_id: "4213" }).body).toEqual({
      status: "OK",
      info: "Done.",
      request_id: "4213",
    });
    expect(refused("Not open.")).toEqual({
      status: 200,
      body: { status: "ERROR", info: "Not open." },
    });
    expect(httpError(409, "No.")).toEqual({ status: 409, body: { error: "No.", status: 409 } });
    expect(phpMap({})).toEqual([]);
    expect(phpMap({ 5: true })).toEqual({ 5: true });
  });
});
