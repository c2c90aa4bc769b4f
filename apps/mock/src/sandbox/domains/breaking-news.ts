// Breaking News: announcements about an ongoing problem, their follow-up messages (the
// "status" history) and the two catalogues, states and importance levels. An announcement
// must always target at least one group or help desk (manual); a follow-up marked as the
// solution resolves it (current reference).
import type { Json, JsonObject } from "../../spec/description.js";
import { idText, ok, refused, written } from "../answers.js";
import type { DateWriter } from "../dates.js";
import { paramNamed } from "../handler.js";
import type { DomainModule } from "../handler.js";
import type { StoredRecord, TenantStore } from "../store.js";

const NEWS = "breaking_news";
const FOLLOW_UP = "breaking_news_status";

/** The states of an announcement (example data set: 1 Active, 2 Resolved). */
const STATES = [
  { id: 1, name: "Active" },
  { id: 2, name: "Resolved" },
] as const;
const ACTIVE = 1;
const RESOLVED = 2;

/** Importance levels, as the manual numbers them. */
const TYPES = [
  { id: 1, name: "High" },
  { id: 2, name: "Medium" },
  { id: 3, name: "Low" },
] as const;

/** Who signs an announcement or follow-up sent without `creator_id`: the system (decision). */
const SYSTEM_USER = 0;

interface NewsRecord extends StoredRecord {
  title: string;
  body: string;
  type_id: number;
  status_id: number;
  created_by_id: number;
  created_at: number;
  resolution_time: number | null;
  affected_group_ids: number[];
  affected_helpdesk_ids: number[];
}

interface FollowUpRecord extends StoredRecord {
  news_id: number;
  body: string;
  creator_id: number;
  created_at: number;
}

function newsOut(news: NewsRecord, dates: DateWriter): JsonObject {
  return {
    id: news.id,
    title: news.title,
    body: news.body,
    type_id: news.type_id,
    status_id: news.status_id,
    created_by_id: news.created_by_id,
    created_at: dates.write(news.created_at),
    resolution_time: dates.write(news.resolution_time),
    affected_group_ids: news.affected_group_ids,
    affected_helpdesk_ids: news.affected_helpdesk_ids,
  };
}

function catalogue(entries: readonly { id: number; name: string }[], id: Json | undefined) {
  return ok(entries.filter((entry) => id === undefined || entry.id === id).map((e) => ({ ...e })));
}

const ids = (value: Json | undefined): number[] | undefined =>
  Array.isArray(value) ? [...new Set(value as number[])] : undefined;

const NO_TARGET = "An announcement must affect at least one group or one help desk.";

function find(store: TenantStore, id: number): NewsRecord | undefined {
  return store.get<NewsRecord>(NEWS, id);
}

export const domain: DomainModule = {
  tag: "Breaking News",
  kinds: {
    [NEWS]: { schema: "BreakingNews" },
    [FOLLOW_UP]: { schema: "BreakingNewsUpdate" },
  },
  handlers: {
    createBreakingNews({ params, store, now }) {
      const groups = ids(params["affected_group_ids"]) ?? [];
      const helpdesks = ids(params["affected_helpdesk_ids"]) ?? [];
      if (groups.length === 0 && helpdesks.length === 0) return refused(NO_TARGET);
      const created = store.insert(NEWS, {
        title: String(params["title"]),
        body: String(params["body"]),
        type_id: params["type_id"],
        status_id: ACTIVE,
        created_by_id: params["creator_id"] ?? SYSTEM_USER,
        created_at: now,
        resolution_time: params["resolution_time"] ?? null,
        affected_group_ids: groups,
        affected_helpdesk_ids: helpdesks,
        ...(params["major_incident_id"] === undefined
          ? {}
          : { major_incident_id: params["major_incident_id"] }),
      });
      // invgo decodes the new id as text (PHP's row id); the manual says integer (decision).
      return written("Breaking news created.", { id: idText(created.id) });
    },

    updateBreakingNews({ params, store }) {
      const id = params["id"];
      const news = find(store, id);
      if (!news) return refused(`There is no breaking news with id ${id}.`);
      const statusId = params["status_id"];
      if (statusId !== undefined && !STATES.some((state) => state.id === statusId)) {
        return refused(
          `${statusId} is not a state of breaking news (see breakingnews.attributes.status).`,
        );
      }
      const groups = ids(params["affected_group_ids"]) ?? news.affected_group_ids;
      const helpdesks = ids(params["affected_helpdesk_ids"]) ?? news.affected_helpdesk_ids;
      if (groups.length === 0 && helpdesks.length === 0) return refused(NO_TARGET);
      const changes: JsonObject = { affected_group_ids: groups, affected_helpdesk_ids: helpdesks };
      for (const field of ["title", "body", "type_id", "status_id", "resolution_time"]) {
        const value = paramNamed(params, field);
        if (value !== undefined) changes[field] = value;
      }
      // `creator_id` names who makes the change; the announcement keeps its author (decision).
      store.update(NEWS, id, changes);
      return written(`Breaking news ${id} updated.`);
    },

    getBreakingNews({ params, store, dates }) {
      const id = params["id"];
      const news = find(store, id);
      // Unknown id: the status envelope (decision), still an object as the description says.
      if (!news) return refused(`There is no breaking news with id ${id}.`);
      return ok(newsOut(news, dates));
    },

    listAllBreakingNews({ store, dates }) {
      return ok(store.all<NewsRecord>(NEWS).map((news) => newsOut(news, dates)));
    },

    listBreakingNewsStatuses({ params }) {
      return catalogue(STATES, params["id"]);
    },

    listBreakingNewsTypes({ params }) {
      return catalogue(TYPES, params["id"]);
    },

    createBreakingNewsStatus({ params, store, now }) {
      const id = params["id"];
      if (!find(store, id)) return refused(`There is no breaking news with id ${id}.`);
      store.insert(FOLLOW_UP, {
        news_id: id,
        body: String(params["body"]),
        creator_id: params["creator_id"] ?? SYSTEM_USER,
        created_at: now,
      });
      if (params["is_solution"] === true) store.update(NEWS, id, { status_id: RESOLVED });
      return written(`Update added to breaking news ${id}.`);
    },

    listBreakingNewsStatusHistory({ params, store, dates }) {
      // Unknown announcement: no follow-ups, an empty array (decision).
      return ok(
        store.where<FollowUpRecord>(FOLLOW_UP, "news_id", params["id"]).map((f) => ({
          body: f.body,
          creator_id: f.creator_id,
          created_at: dates.write(f.created_at),
        })),
      );
    },
  },
};
