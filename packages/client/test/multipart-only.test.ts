// The description has no write operation today that takes multipart only, so the manifest lists
// none; this pins what the client does when one appears, with a manifest that lists one.
import { describe, expect, it, vi } from "vitest";
import { basicClient, json, scriptedFetch } from "./helpers.js";

vi.mock("../src/generated/manifest.js", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  bodies: { "POST /kb.articles.attachments": "m" },
}));

describe("an operation that takes multipart only", () => {
  it("gets a multipart body even without a file, with its query kept", async () => {
    const { fetch, requests } = scriptedFetch(json({ status: "OK" }));
    await basicClient(fetch).POST("/kb.articles.attachments", {
      body: { article_id: 310, author_id: 1042 },
      params: { query: { lang: "en" } } as never,
    });
    const [request] = requests;
    expect(request!.url).toBe("https://sd.example.test/api/v1/kb.articles.attachments?lang=en");
    expect(request!.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request!.formData();
    expect([...form.entries()]).toEqual([
      ["article_id", "310"],
      ["author_id", "1042"],
    ]);
  });

  it("leaves the other operations form-encoded", async () => {
    const { fetch, requests } = scriptedFetch(json({ status: "OK" }));
    await basicClient(fetch).POST("/kb.articles", {
      body: { title: "T", content: "C", category_id: 14, author_id: 1042 } as never,
    });
    expect(requests[0]!.headers.get("content-type")).toBe(
      "application/x-www-form-urlencoded;charset=UTF-8",
    );
  });
});
