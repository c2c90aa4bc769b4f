// The sandbox's stand-in for the knowledge base's relevance search. The real scoring is not
// documented; here an article scores the share of the distinct keywords found in its title,
// summary or text (tags stripped, case ignored), rounded to two decimals, so that the best
// matches come first and `min_search_scoring` has something to act on (a guess; rule row:
// apps/mock/README.md#rule-get-kb-articles-by-keywords).
import { stripMarkup } from "../markup.js";
import type { KbArticleRecord } from "./knowledge-base.js";

export interface ScoredArticle {
  article: KbArticleRecord;
  score: number;
}

/**
 * Distinct keywords one search takes: with stored text capped (stored-text-limit.ts) this
 * bounds the work of a search. A limit of the sandbox; the product documents none.
 */
export const MAX_SEARCH_KEYWORDS = 32;

export function keywordsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .toLowerCase()
        .split(/\s+/)
        .filter((word) => word !== ""),
    ),
  ];
}

function searchableText(article: KbArticleRecord): string {
  const body = stripMarkup(article.content);
  return `${article.title} ${typeof article["description"] === "string" ? article["description"] : ""} ${body}`.toLowerCase();
}

/** Articles that match at least one keyword and reach `minScore`, best first, then by id. */
export function searchArticles(
  articles: readonly KbArticleRecord[],
  keywords: string,
  minScore: number,
): ScoredArticle[] {
  const words = keywordsOf(keywords).slice(0, MAX_SEARCH_KEYWORDS);
  if (words.length === 0) return [];
  return articles
    .map((article) => {
      const text = searchableText(article);
      const found = words.filter((word) => text.includes(word)).length;
      return { article, score: Math.round((found / words.length) * 100) / 100 };
    })
    .filter((hit) => hit.score > 0 && hit.score >= minScore)
    .sort((a, b) => b.score - a.score || a.article.id - b.article.id);
}
