// Categories: the request categories as a flat list, filtered by `id` and by a text in the
// name (`search`, any case), paged by page number: `page` counts from 1 (0 or less reads as 1),
// `page_size` defaults to 20 (the front holds it to 1-500). GET /categories writes ids as text,
// as the server was seen doing; its second name, GET /incident.attributes.category, writes
// integers, as its example does (apps/mock/README.md#rule-get-categories).
import type { Json, JsonObject } from "../../spec/description.js";
import { ok } from "../answers.js";
import type { DomainModule, Handler } from "../handler.js";
import { CATEGORY, type CategoryRecord } from "../records/categories.js";

const DEFAULT_PAGE_SIZE = 20;

function categoryList(idAsText: boolean): Handler<"listCategories" | "listIncidentCategories"> {
  return ({ params, store }) => {
    let found =
      typeof params["id"] === "number"
        ? [store.get<CategoryRecord>(CATEGORY, params["id"])].filter((c) => c !== undefined)
        : store.all<CategoryRecord>(CATEGORY);
    const search = params["search"];
    if (typeof search === "string" && search !== "") {
      const needle = search.toLowerCase();
      found = found.filter((category) => category.name.toLowerCase().includes(needle));
    }
    const size = typeof params["page_size"] === "number" ? params["page_size"] : DEFAULT_PAGE_SIZE;
    const page = typeof params["page"] === "number" && params["page"] > 1 ? params["page"] : 1;
    const items = found.slice((page - 1) * size, page * size);
    return ok(
      items.map((category): JsonObject => ({
        id: (idAsText ? String(category.id) : category.id) as Json,
        name: category.name,
        parent_category_id: category.parent_category_id,
      })),
    );
  };
}

export const domain: DomainModule = {
  tag: "Categories",
  kinds: { [CATEGORY]: { schema: "RequestCategory" } },
  handlers: {
    listCategories: categoryList(true),
    listIncidentCategories: categoryList(false),
  },
};
