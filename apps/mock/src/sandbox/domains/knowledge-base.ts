// Knowledge Base: categories, articles and the files attached to articles. Writes answer the
// status envelope (a refusal is HTTP 200 with status ERROR); the article listings answer the
// envelope live clients receive, `{status, data}`, with `limit`, `offset` and `total` on the
// paged ones (docs/wire.md#paging).
import type { Json, JsonObject } from "../../spec/description.js";
import { idText, ok, refused, written } from "../answers.js";
import { paramNamed } from "../handler.js";
import { given } from "../alternatives.js";
import type { DomainModule } from "../handler.js";
import { offsetPage } from "../paging.js";
import type { TenantStore } from "../store.js";
import {
  articleOut,
  attachmentOut,
  attachmentsOf,
  attachmentUrl,
  categoryOut,
  isWithin,
  KB_ARTICLE,
  KB_ATTACHMENT,
  KB_CATEGORY,
  type KbArticleRecord,
  type KbAttachmentRecord,
  type KbCategoryRecord,
} from "../records/knowledge-base.js";
import {
  keywordsOf,
  MAX_SEARCH_KEYWORDS,
  searchArticles,
} from "../records/knowledge-base-search.js";

/** The manual gives no page size for the article listings; the examples show 50 (decision). */
const ARTICLE_PAGE = 50;
/** Production pages GET /kb.articles by page number, 20 a page by default (CA, tested). */
const ARTICLE_PAGE_SIZE = 20;
/** The keyword search returns 25 matches unless `limit` says otherwise (manual). */
const SEARCH_LIMIT = 25;

/** Fields PUT /kb.articles may change (each lands in the field of the same name). */
const ARTICLE_FIELDS = [
  "title",
  "description",
  "content",
  "category_id",
  "responsible_id",
  "is_private",
];

/** File names of `attachments[]`: a multipart file part reaches a handler as its file name. */
function fileNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((name): name is string => typeof name === "string" && name !== "");
}

function attachFiles(store: TenantStore, articleId: number, names: readonly string[]): void {
  for (const name of names) {
    const id = store.nextId(KB_ATTACHMENT);
    store.put<KbAttachmentRecord>(KB_ATTACHMENT, {
      id,
      article_id: articleId,
      name,
      url: attachmentUrl(id, name),
    });
  }
}

function missingCategory(store: TenantStore, id: number): boolean {
  return !store.get<KbCategoryRecord>(KB_CATEGORY, id);
}

function articlePage(store: TenantStore, articles: KbArticleRecord[], params: JsonObject) {
  const page = offsetPage(articles, params["limit"], params["offset"], ARTICLE_PAGE);
  return ok({
    status: "OK",
    data: page.items.map((article) => articleOut(store, article)),
    limit: page.limit,
    offset: page.offset,
    total: page.total,
  });
}

/** `order_by=last_update_date` sorts on the last edit; `sort_by=desc` reverses either order. */
function sortArticles(articles: KbArticleRecord[], params: JsonObject): KbArticleRecord[] {
  const sorted =
    params["order_by"] === "last_update_date"
      ? [...articles].sort((a, b) => a.last_update_date - b.last_update_date || a.id - b.id)
      : articles;
  return params["sort_by"] === "desc" ? [...sorted].reverse() : sorted;
}

/** `visibility`: 1 private articles; 2 (signed-in users) and 3 (public) the others (decision). */
function visibleTo(visibility: Json | undefined) {
  if (visibility === undefined) return () => true;
  return (article: KbArticleRecord) => article.is_private === (visibility === 1);
}

export const domain: DomainModule = {
  tag: "Knowledge Base",
  kinds: {
    [KB_ARTICLE]: { schema: "KbArticle" },
    [KB_CATEGORY]: { schema: "KbCategory" },
    [KB_ATTACHMENT]: { schema: "KbArticleAttachment" },
  },
  handlers: {
    createKbCategory({ params, store }) {
      const parentId = params["parent_id"] ?? 0;
      if (parentId !== 0 && missingCategory(store, parentId)) {
        return refused(`There is no knowledge base category with id ${parentId} to nest under.`);
      }
      const created = store.insert(KB_CATEGORY, {
        name: String(params["name"]),
        parent_id: parentId,
      });
      // The manual types the new id as a string, as PHP hands new row ids back.
      return written("The category was created.", { category_id: idText(created.id) });
    },

    updateKbCategory({ params, store }) {
      const id = params["id"];
      if (missingCategory(store, id)) return refused(`There is no knowledge base category ${id}.`);
      const changes: JsonObject = {};
      if (params["name"] !== undefined) changes["name"] = params["name"];
      const parentId = params["parent_id"];
      if (parentId !== undefined) {
        if (parentId !== 0 && missingCategory(store, parentId)) {
          return refused(`There is no knowledge base category with id ${parentId} to move under.`);
        }
        if (parentId !== 0 && isWithin(store, parentId, id)) {
          return refused(
            `Category ${id} cannot be moved under itself or one of its subcategories.`,
          );
        }
        changes["parent_id"] = parentId;
      }
      store.update(KB_CATEGORY, id, changes);
      return written("The category was changed.");
    },

    deleteKbCategory({ params, store }) {
      const id = params["id"];
      // Only the category goes: its articles and subcategories keep their ids (decision).
      if (!store.remove(KB_CATEGORY, id)) {
        return refused(`There is no knowledge base category ${id}.`);
      }
      return written("The category was deleted.");
    },

    listKbCategories({ store }) {
      return ok(store.all<KbCategoryRecord>(KB_CATEGORY).map(categoryOut));
    },

    listKbCategoriesByIds({ params, store }) {
      const ids = [...new Set(params["ids"])];
      const found = ids
        .map((id) => store.get<KbCategoryRecord>(KB_CATEGORY, id))
        .filter((category): category is KbCategoryRecord => category !== undefined);
      return ok(found.map(categoryOut));
    },

    createKbArticle({ params, store, now }) {
      const categoryId = params["category_id"];
      if (missingCategory(store, categoryId)) {
        return refused(`There is no knowledge base category ${categoryId}.`);
      }
      const authorId = params["author_id"];
      const id = store.nextId(KB_ARTICLE);
      store.put<KbArticleRecord>(KB_ARTICLE, {
        id,
        title: String(params["title"]),
        ...(params["description"] === undefined
          ? {}
          : { description: String(params["description"]) }),
        content: String(params["content"]),
        category_id: categoryId,
        author_id: authorId,
        // The manual: without a responsible user, the author is responsible.
        responsible_id: params["responsible_id"] ?? authorId,
        rating: 0,
        views: 0,
        solved_requests: 0,
        creation_date: now,
        last_update_date: now,
        is_private: params["is_private"] === true,
      });
      attachFiles(store, id, fileNames(params["attachments"]));
      return written("The article was created.", { article_id: id });
    },

    updateKbArticle({ params, store, now }) {
      const id = params["id"];
      if (!store.get(KB_ARTICLE, id)) return refused(`There is no knowledge base article ${id}.`);
      const categoryId = params["category_id"];
      if (categoryId !== undefined && missingCategory(store, categoryId)) {
        return refused(`There is no knowledge base category ${categoryId}.`);
      }
      const changes: JsonObject = { last_update_date: now };
      for (const field of ARTICLE_FIELDS) {
        const value = paramNamed(params, field);
        if (value !== undefined) changes[field] = value;
      }
      store.update(KB_ARTICLE, id, changes);
      return written("The article was changed.");
    },

    deleteKbArticle({ params, store }) {
      const id = params["id"];
      if (!store.get(KB_ARTICLE, id)) return refused(`There is no knowledge base article ${id}.`);
      // The article goes with its files.
      for (const file of attachmentsOf(store, id)) store.remove(KB_ATTACHMENT, file.id);
      store.remove(KB_ARTICLE, id);
      return written("The article was deleted.");
    },

    listKbArticles({ params, store }) {
      const articles = sortArticles(store.all(KB_ARTICLE), params);
      // The manual's offset paging when only `limit`/`offset` are sent (how production treats
      // them is not recorded: a guess); otherwise production's pages, `{status, data}`.
      const byOffset = given(params["limit"]) || given(params["offset"]);
      if (byOffset && !given(params["page"]) && !given(params["page_size"])) {
        return articlePage(store, articles, params);
      }
      const size =
        typeof params["page_size"] === "number" ? params["page_size"] : ARTICLE_PAGE_SIZE;
      const page = typeof params["page"] === "number" ? params["page"] : 1;
      const items = articles.slice((page - 1) * size, page * size);
      return ok({ status: "OK", data: items.map((article) => articleOut(store, article)) });
    },

    listKbArticlesByCategory({ params, store }) {
      const inCategory = store
        .where<KbArticleRecord>(KB_ARTICLE, "category_id", params["category_id"])
        .filter(visibleTo(params["visibility"]));
      return articlePage(store, inCategory, params);
    },

    listKbArticlesByIds({ params, store }) {
      const ids = [...new Set(params["ids"])];
      const found = ids
        .map((id) => store.get<KbArticleRecord>(KB_ARTICLE, id))
        .filter((article): article is KbArticleRecord => article !== undefined);
      return ok({ status: "OK", data: found.map((article) => articleOut(store, article)) });
    },

    listKbArticlesByKeywords({ params, store }) {
      const limit = params["limit"] ?? SEARCH_LIMIT;
      const minScore = params["min_search_scoring"] ?? 0;
      if (keywordsOf(String(params["keywords"])).length > MAX_SEARCH_KEYWORDS) {
        return refused(
          `keywords holds more than ${MAX_SEARCH_KEYWORDS} distinct words, the most one search of this sandbox takes.`,
        );
      }
      const hits = searchArticles(
        store.all<KbArticleRecord>(KB_ARTICLE),
        String(params["keywords"]),
        minScore,
      ).slice(0, limit);
      return ok({
        status: "OK",
        data: hits.map((hit) => ({ ...articleOut(store, hit.article), search_scoring: hit.score })),
      });
    },

    addKbArticleAttachments({ params, store, now }) {
      const articleId = params["article_id"];
      if (!store.get(KB_ARTICLE, articleId)) {
        return refused(`There is no knowledge base article ${articleId}.`);
      }
      const names = fileNames(params["attachments"]);
      if (names.length === 0) return refused("No file was sent in attachments[].");
      attachFiles(store, articleId, names);
      store.update(KB_ARTICLE, articleId, { last_update_date: now });
      return written(`${names.length} file(s) attached to article ${articleId}.`);
    },

    deleteKbArticleAttachment({ params, store, now }) {
      const articleId = params["article_id"];
      const attachmentId = params["attachment_id"];
      if (!store.get(KB_ARTICLE, articleId)) {
        return refused(`There is no knowledge base article ${articleId}.`);
      }
      const file = store.get<KbAttachmentRecord>(KB_ATTACHMENT, attachmentId);
      if (!file || file.article_id !== articleId) {
        return refused(`Article ${articleId} has no attachment ${attachmentId}.`);
      }
      store.remove(KB_ATTACHMENT, attachmentId);
      store.update(KB_ARTICLE, articleId, { last_update_date: now });
      return written("The attachment was removed.");
    },

    listKbArticleAttachments({ params, store }) {
      const articleId = params["article_id"];
      if (!store.get(KB_ARTICLE, articleId)) {
        return refused(`There is no knowledge base article ${articleId}.`, { data: [] });
      }
      return ok({ status: "OK", data: attachmentsOf(store, articleId).map(attachmentOut) });
    },
  },
};
