// Categories in sandbox mode, through the client: the seeded tree, the two spellings of ids,
// `search`, and paging by page number walked to the end with `paginate`.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";
import { startMock } from "../../src/index.js";

const it = sandboxTest();

/** 45 categories under Hardware (37), laid over the built-in seed: three pages of 20. */
const manyCategories = {
  extends: "builtin",
  records: {
    category: Array.from({ length: 45 }, (_, i) => ({
      id: 100 + i,
      name: `Spare part ${i + 1}`,
      parent_category_id: 37,
    })),
  },
};

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("categories", () => {
  it("answers the seeded tree, ids as text on /categories and as integers on the second name", async ({
    mock,
    checker,
  }) => {
    const sd = checker.clientFor("categories", mock.apiUrl);
    expect((await sd.GET("/categories")).data).toEqual([
      { id: "37", name: "Hardware", parent_category_id: 0 },
      { id: "38", name: "Laptops", parent_category_id: 37 },
      { id: "41", name: "Network access", parent_category_id: 0 },
    ]);
    const search = await sd.GET("/incident.attributes.category", {
      params: { query: { search: "hard" } },
    });
    expect(search.data).toEqual([{ id: 37, name: "Hardware", parent_category_id: 0 }]);
    const one = await sd.GET("/categories", { params: { query: { id: 38 } } });
    expect(one.data).toEqual([{ id: "38", name: "Laptops", parent_category_id: 37 }]);
  });

  it("pages by page number, 20 by default, walked to the end by paginate", async ({ checker }) => {
    const paged = await startMock({ port: 0, mode: "sandbox", memory: true, seed: manyCategories });
    try {
      const sd = checker.clientFor("categories-paged", paged.apiUrl);
      const first = await sd.GET("/categories");
      expect(first.data).toHaveLength(20);
      const third = await sd.GET("/categories", { params: { query: { page: 3 } } });
      expect(third.data).toHaveLength(8);
      const all = await collect(sd.paginate("/categories"));
      expect(all.map((c) => Number((c as { id: string }).id))).toEqual([
        37,
        38,
        41,
        ...Array.from({ length: 45 }, (_, i) => 100 + i),
      ]);
      const spare = await collect(
        sd.paginate("/incident.attributes.category", {
          params: { query: { search: "Spare part 1", page_size: 4 } },
        }),
      );
      // "Spare part 1" and "Spare part 10" to "Spare part 19".
      expect(spare.map((c) => (c as { id: number }).id)).toEqual([
        100,
        ...Array.from({ length: 10 }, (_, i) => 109 + i),
      ]);
    } finally {
      await paged.close();
    }
  });
});
