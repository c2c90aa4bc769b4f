// The knowledge base in sandbox mode, through the client over real HTTP: a category and an
// article with a file are created, changed, found by category, ids and keywords, and removed
// again; refusals come back as HTTP 200 with status ERROR.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";

const it = sandboxTest();

const pdf = () => new File(["%PDF-1.7 fictional"], "vpn-setup.pdf", { type: "application/pdf" });

interface Article {
  id: number;
  title: string;
  category_id: number;
  responsible_id: number;
  is_private: boolean;
  creation_date: number;
  last_update_date: number;
  attachments: { id: number; name: string; url: string }[];
  search_scoring?: number;
}
interface Listing {
  status: string;
  data: Article[];
  limit?: number;
  offset?: number;
  total?: number;
}

describe("a knowledge base article from category to deletion", () => {
  it("creates, attaches, changes, lists, detaches and deletes", async ({ client }) => {
    const sd = client("kb-scenario");

    const category = await sd.POST("/kb.categories", {
      body: { name: "Network guides", parent_id: 0 },
    });
    // The seed's largest category is 14; the manual types the new id as text.
    expect(category.data).toEqual({
      status: "OK",
      info: "The category was created.",
      category_id: "15",
    });
    const categoryId = Number((category.data as { category_id: string }).category_id);
    const categories = await sd.GET("/kb.categories");
    expect(categories.data).toEqual([
      { id: 14, name: "Hardware guides", parent_id: 0 },
      { id: categoryId, name: "Network guides", parent_id: 0 },
    ]);

    const created = await sd.POST("/kb.articles", {
      body: {
        title: "Connecting to the VPN from home",
        description: "Setup of the VPN client on a company laptop.",
        content: "<p>Install the <b>VPN</b> client, then sign in with your badge number.</p>",
        category_id: categoryId,
        author_id: 1042,
        attachments: [pdf()],
      },
    });
    expect(created.data).toMatchObject({ status: "OK", article_id: 311 });
    const articleId = (created.data as { article_id: number }).article_id;

    const files = await sd.GET("/kb.articles.attachments", {
      params: { query: { article_id: articleId } },
    });
    expect(files.data).toEqual({
      status: "OK",
      data: [
        {
          id: 7003,
          name: "vpn-setup.pdf",
          url: "https://acme.sd.cloud.invgate.net/kb/attachment/7003/vpn-setup.pdf",
        },
      ],
    });

    const changed = await sd.PUT("/kb.articles", {
      body: { id: articleId, author_id: 1042, responsible_id: 1051, is_private: true },
    });
    expect(changed.data).toMatchObject({ status: "OK" });

    const byCategory = await sd.GET("/kb.articles.by.category", {
      params: { query: { category_id: categoryId } },
    });
    const page = byCategory.data as Listing;
    expect(page).toMatchObject({ status: "OK", limit: 50, offset: 0, total: 1 });
    expect(page.data[0]).toMatchObject({
      id: articleId,
      title: "Connecting to the VPN from home",
      category_id: categoryId,
      author_id: 1042,
      responsible_id: 1051,
      is_private: true,
      rating: 0,
      views: 0,
      solved_requests: 0,
      attachments: [{ id: 7003, name: "vpn-setup.pdf" }],
    });
    // The listings leave the summary out, as the manual's field list does.
    expect(page.data[0]).not.toHaveProperty("description");
    const publicOnly = await sd.GET("/kb.articles.by.category", {
      params: { query: { category_id: categoryId, visibility: 3 } },
    });
    expect((publicOnly.data as Listing).data).toEqual([]);

    const byIds = await sd.GET("/kb.articles.by.ids", {
      params: { query: { ids: [articleId, 310, 999] } },
    });
    expect((byIds.data as Listing).data.map((a) => a.id)).toEqual([articleId, 310]);

    const search = await sd.GET("/kb.articles.by.keywords", {
      params: { query: { keywords: "VPN badge printer" } },
    });
    const hits = (search.data as Listing).data;
    expect(hits.map((a) => [a.id, a.search_scoring])).toEqual([[articleId, 0.67]]);
    const strict = await sd.GET("/kb.articles.by.keywords", {
      params: { query: { keywords: "VPN badge printer", min_search_scoring: 0.9 } },
    });
    expect((strict.data as Listing).data).toEqual([]);

    const detached = await sd.DELETE("/kb.articles.attachments", {
      params: { query: { article_id: articleId, attachment_id: 7003 } },
    });
    expect(detached.data).toMatchObject({ status: "OK" });
    const none = await sd.GET("/kb.articles.attachments", {
      params: { query: { article_id: articleId } },
    });
    expect((none.data as Listing).data).toEqual([]);

    expect(
      (await sd.DELETE("/kb.articles", { params: { query: { id: articleId } } })).data,
    ).toMatchObject({ status: "OK" });
    const gone = await sd.GET("/kb.articles.by.ids", { params: { query: { ids: [articleId] } } });
    expect((gone.data as Listing).data).toEqual([]);
    expect(
      (await sd.DELETE("/kb.categories", { params: { query: { id: categoryId } } })).data,
    ).toMatchObject({ status: "OK" });
    const left = await sd.GET("/kb.categories.by.ids", {
      params: { query: { ids: [categoryId, 14] } },
    });
    expect(left.data).toEqual([{ id: 14, name: "Hardware guides", parent_id: 0 }]);
  });

  it("reads back a changed category and article", async ({ client }) => {
    const sd = client("kb-changes");
    const parent = await sd.POST("/kb.categories", { body: { name: "Guides" } });
    const parentId = Number((parent.data as { category_id: string }).category_id);
    expect(
      (
        await sd.PUT("/kb.categories", {
          body: { id: 14, name: "Laptop guides", parent_id: parentId },
        })
      ).data,
    ).toMatchObject({ status: "OK" });
    expect(
      (await sd.GET("/kb.categories.by.ids", { params: { query: { ids: [14] } } })).data,
    ).toEqual([{ id: 14, name: "Laptop guides", parent_id: parentId }]);

    const before = (
      (await sd.GET("/kb.articles.by.ids", { params: { query: { ids: [310] } } })).data as Listing
    ).data[0]!;
    await sd.PUT("/kb.articles", {
      body: {
        id: 310,
        author_id: 1042,
        title: "BIOS recovery, step by step",
        content: "<p>New</p>",
      },
    });
    await sd.POST("/kb.articles.attachments", {
      body: { article_id: 310, author_id: 1042, attachments: [pdf()] },
    });
    const after = (
      (await sd.GET("/kb.articles.by.ids", { params: { query: { ids: [310] } } })).data as Listing
    ).data[0]!;
    expect(after).toMatchObject({
      title: "BIOS recovery, step by step",
      content: "<p>New</p>",
      creation_date: before.creation_date,
    });
    expect(after.last_update_date).toBeGreaterThan(before.last_update_date);
    expect(after.attachments.map((f) => f.name)).toEqual(["bios-recovery.pdf", "vpn-setup.pdf"]);
  });

  it("pages the article listing with limit, offset and total, and sorts it", async ({ client }) => {
    const sd = client("kb-pages");
    for (const title of ["Printer drivers", "Printer toner", "Printer queue"]) {
      await sd.POST("/kb.articles", {
        body: { title, content: "<p>…</p>", category_id: 14, author_id: 1042 },
      });
    }
    const first = (await sd.GET("/kb.articles", { params: { query: { limit: 2 } } }))
      .data as Listing;
    expect(first).toMatchObject({ limit: 2, offset: 0, total: 4 });
    expect(first.data.map((a) => a.id)).toEqual([310, 311]);
    const second = (await sd.GET("/kb.articles", { params: { query: { limit: 2, offset: 2 } } }))
      .data as Listing;
    expect(second.data.map((a) => a.id)).toEqual([312, 313]);
    const newestFirst = (
      await sd.GET("/kb.articles", {
        params: { query: { order_by: "last_update_date", sort_by: "desc", limit: 1 } },
      })
    ).data as Listing;
    expect(newestFirst.data[0]!.id).not.toBe(310);
    const search = (
      await sd.GET("/kb.articles.by.keywords", {
        params: { query: { keywords: "printer", limit: 2 } },
      })
    ).data as Listing;
    expect(search.data.map((a) => a.id)).toEqual([311, 312]);
  });

  it("refuses what the knowledge base does not hold, with status ERROR", async ({ client }) => {
    const sd = client("kb-refusals");
    const refusals = [
      await sd.POST("/kb.articles", {
        body: { title: "x", content: "x", category_id: 999, author_id: 1042 },
      }),
      await sd.PUT("/kb.articles", { body: { id: 999, author_id: 1042, title: "x" } }),
      await sd.PUT("/kb.articles", { body: { id: 310, author_id: 1042, category_id: 999 } }),
      await sd.DELETE("/kb.articles", { params: { query: { id: 999 } } }),
      await sd.POST("/kb.articles.attachments", { body: { article_id: 310, author_id: 1042 } }),
      await sd.DELETE("/kb.articles.attachments", {
        params: { query: { article_id: 310, attachment_id: 7001 } },
      }),
      await sd.POST("/kb.categories", { body: { name: "Orphan", parent_id: 999 } }),
      await sd.PUT("/kb.categories", { body: { id: 999, name: "x" } }),
      await sd.PUT("/kb.categories", { body: { id: 14, parent_id: 14 } }),
      await sd.DELETE("/kb.categories", { params: { query: { id: 999 } } }),
      await sd.GET("/kb.articles.attachments", { params: { query: { article_id: 999 } } }),
    ];
    for (const { response, data } of refusals) {
      expect(response.status).toBe(200);
      expect(data).toMatchObject({ status: "ERROR", info: expect.any(String) });
    }
    // Nothing was changed by the refused calls.
    const article = (
      (await sd.GET("/kb.articles.by.ids", { params: { query: { ids: [310] } } })).data as Listing
    ).data[0]!;
    expect(article).toMatchObject({ category_id: 14, attachments: [{ id: 7002 }] });
    expect((await sd.GET("/kb.categories")).data).toEqual([
      { id: 14, name: "Hardware guides", parent_id: 0 },
    ]);
  });

  it("answers 428 naming the missing parameters of a new article", async ({ client }) => {
    const sd = client("kb-invalid");
    const { response, error } = await sd.POST("/kb.articles", { body: { title: "x" } as never });
    expect(response.status).toBe(428);
    const names = (error as unknown as { invalid_params: { name: string }[] }).invalid_params;
    expect(names.map((p) => p.name).sort()).toEqual(["author_id", "category_id", "content"]);
  });
});
