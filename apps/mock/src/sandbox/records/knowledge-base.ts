// Knowledge base articles, categories and article files as stored, and as the article
// listings write them. An article's files are records of their own (`kb_attachment`, with the
// article's id), gathered into the article when it is read.
import type { JsonObject } from "../../spec/description.js";
import type { StoredRecord, TenantStore } from "../store.js";

export const KB_ARTICLE = "kb_article";
export const KB_CATEGORY = "kb_category";
export const KB_ATTACHMENT = "kb_attachment";

/** Files are served from the fictional instance of the example data set. */
const FILE_ORIGIN = "https://acme.sd.cloud.invgate.net";

/** Also stored: `description`, which the writes take and the article listings do not show. */
export interface KbArticleRecord extends StoredRecord {
  title: string;
  content: string;
  category_id: number;
  author_id: number;
  responsible_id: number;
  rating: number;
  views: number;
  solved_requests: number;
  creation_date: number;
  last_update_date: number;
  is_private: boolean;
}

export interface KbCategoryRecord extends StoredRecord {
  name: string;
  parent_id: number;
}

export interface KbAttachmentRecord extends StoredRecord {
  article_id: number;
  name: string;
  url: string;
}

export function attachmentUrl(id: number, name: string): string {
  return `${FILE_ORIGIN}/kb/attachment/${id}/${encodeURIComponent(name)}`;
}

export function attachmentsOf(store: TenantStore, articleId: number): KbAttachmentRecord[] {
  return store.where<KbAttachmentRecord>(KB_ATTACHMENT, "article_id", articleId);
}

/** An attachment as the answers write it: `{id, name, url}`, without the article id. */
export function attachmentOut(file: KbAttachmentRecord): JsonObject {
  return { id: file.id, name: file.name, url: file.url };
}

/** An article with the keys of the description's KbArticle, its files gathered in. */
export function articleOut(store: TenantStore, article: KbArticleRecord): JsonObject {
  return {
    id: article.id,
    title: article.title,
    content: article.content,
    category_id: article.category_id,
    author_id: article.author_id,
    responsible_id: article.responsible_id,
    rating: article.rating,
    views: article.views,
    solved_requests: article.solved_requests,
    attachments: attachmentsOf(store, article.id).map(attachmentOut),
    creation_date: article.creation_date,
    last_update_date: article.last_update_date,
    is_private: article.is_private,
  };
}

export function categoryOut(category: KbCategoryRecord): JsonObject {
  return { id: category.id, name: category.name, parent_id: category.parent_id };
}

/** True when `candidate` is `ancestor` or sits somewhere below it. */
export function isWithin(store: TenantStore, candidate: number, ancestor: number): boolean {
  const seen = new Set<number>();
  let current: number | undefined = candidate;
  while (current !== undefined && current !== 0 && !seen.has(current)) {
    if (current === ancestor) return true;
    seen.add(current);
    current = store.get<KbCategoryRecord>(KB_CATEGORY, current)?.parent_id;
  }
  return false;
}
