// Finding 1 of the security review: markup stripped by a regular expression let one article of
// 160,000 `<` stall every search (and every tenant) for seconds. Markup is now stripped by a
// scan, stored text is capped, and one search takes a bounded number of keywords.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../../src/index.js";
import { stripMarkup } from "../../src/sandbox/markup.js";
import { STORED_TEXT_LIMIT } from "../../src/sandbox/stored-text-limit.js";
import { MAX_SEARCH_KEYWORDS } from "../../src/sandbox/records/knowledge-base-search.js";
import { basic } from "./basic.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, mode: "sandbox", memory: true });
});
afterAll(async () => {
  await mock?.close();
});

function createArticle(user: string, content: string, title = "Hostile") {
  const form = new FormData();
  form.set("title", title);
  form.set("description", "An article from the security review.");
  form.set("content", content);
  form.set("category_id", "14");
  form.set("author_id", "1042");
  form.set("attachments[]", new File(["x"], "note.txt", { type: "text/plain" }));
  return fetch(`${mock.apiUrl}/kb.articles`, {
    method: "POST",
    headers: { authorization: basic(user) },
    body: form,
  });
}

describe("stripping markup", () => {
  it("strips what the old expression stripped", () => {
    for (const text of ["<p>a <b>b</b></p>", "a<b<c>d", "x < y", "<<<", "a>b<c", "<>", ""]) {
      expect(stripMarkup(text)).toBe(text.replace(/<[^>]*>/g, " "));
    }
  });

  it("keeps 160,000 unclosed `<` as they are (one pass, no backtracking)", () => {
    const text = "<".repeat(160_000);
    expect(stripMarkup(text)).toBe(text);
    expect(stripMarkup(`${text}>`)).toBe(" ");
  });
});

describe("stored text and search work are bounded", () => {
  it(`refuses an article whose content is over ${STORED_TEXT_LIMIT} characters with a 428 naming it`, async () => {
    const response = await createArticle("kb-cap", "<".repeat(160_000));
    expect(response.status).toBe(428);
    const body = (await response.json()) as { invalid_params: { name: string }[] };
    expect(body.invalid_params.map((p) => p.name)).toEqual(["content"]);
    // Nothing was stored: the tenant's search does not find it.
    const search = await fetch(`${mock.apiUrl}/kb.articles.by.keywords?keywords=Hostile`, {
      headers: { authorization: basic("kb-cap") },
    });
    expect(((await search.json()) as { data: unknown[] }).data).toEqual([]);
  });

  it("takes text at the cap and finds it by keyword", async () => {
    const response = await createArticle(
      "kb-at-cap",
      `${"<".repeat(STORED_TEXT_LIMIT - " lighthouse".length)} lighthouse`,
    );
    expect(((await response.json()) as { status: string }).status).toBe("OK");
    const search = await fetch(`${mock.apiUrl}/kb.articles.by.keywords?keywords=lighthouse`, {
      headers: { authorization: basic("kb-at-cap") },
    });
    const found = (await search.json()) as { data: { search_scoring: number }[] };
    expect(found.data.map((hit) => hit.search_scoring)).toEqual([1]);
  });

  it(`refuses a search of more than ${MAX_SEARCH_KEYWORDS} distinct keywords`, async () => {
    const words = Array.from({ length: MAX_SEARCH_KEYWORDS + 1 }, (_, i) => `w${i}`).join(" ");
    const search = await fetch(
      `${mock.apiUrl}/kb.articles.by.keywords?keywords=${encodeURIComponent(words)}`,
      { headers: { authorization: basic("kb-words") } },
    );
    const body = (await search.json()) as { status: string; error?: string };
    expect(body.status).toBe("ERROR");
    expect(JSON.stringify(body)).toContain(`more than ${MAX_SEARCH_KEYWORDS} distinct words`);
  });
});
