// What `verify` calls, in order, and where each call's required parameters come from: the
// version and the catalogues first, then the configuration, then a bounded sample of
// requests and what hangs off them, then people. Each step names the pools of values it
// needs; a step whose pool stayed empty is listed as not called, with the pool named.
import type { Query } from "./instance-client.js";

/** Values found in earlier answers, by what they identify. */
export type Pools = Map<string, Array<number | string>>;

/** A field of the records whose `where` field holds one of the given values. */
export interface PoolSource {
  field: string;
  where: { field: string; in: ReadonlyArray<number | string> };
}

/** Custom field types with options (3 list, 4 tree), as /cf.fields.types numbers them. */
const LIST_FIELD = 3;
const TREE_FIELD = 4;

export interface CrawlStep {
  path: string;
  /** Pools whose first values fill the query; absent: called with no parameters. */
  needs?: readonly string[];
  /** The query from the pools' values (called once per request of the sample when `perRequest`). */
  query?: (pick: (pool: string, count?: number) => Array<number | string>) => Query;
  /** Answers to read values from: pool name -> record field, or a field of matching records. */
  fills?: Record<string, string | PoolSource>;
  /** Called once for each request of the sample. */
  perRequest?: boolean;
}

const first = (pool: string) => (pick: (p: string, n?: number) => Array<number | string>) =>
  pick(pool, 1)[0]!;

const catalogue = (path: string, fills?: Record<string, string | PoolSource>): CrawlStep => ({
  path,
  ...(fills ? { fills } : {}),
});

export const CRAWL_PLAN: readonly CrawlStep[] = [
  // The version and the catalogues.
  catalogue("/sd.version"),
  catalogue("/incident.attributes.status", { status: "id" }),
  catalogue("/incident.attributes.statuses"),
  catalogue("/incident.attributes.priority"),
  catalogue("/incident.attributes.type"),
  catalogue("/incident.attributes.source"),
  catalogue("/incident.approval.status"),
  catalogue("/incident.approval.type"),
  catalogue("/incident.approval.vote_status"),
  catalogue("/cf.fields.types"),
  catalogue("/timetracking.attributes.category"),
  catalogue("/breakingnews.attributes.status"),
  catalogue("/breakingnews.attributes.type"),
  // The configuration.
  catalogue("/helpdesks", { helpdesk: "id" }),
  catalogue("/levels", { level: "id" }),
  catalogue("/helpdesksandlevels"),
  catalogue("/groups", { group: "id" }),
  catalogue("/locations", { location: "id" }),
  catalogue("/companies", { company: "id" }),
  catalogue("/categories", { category: "id" }),
  catalogue("/incident.attributes.category"),
  catalogue("/cf.fields.all", {
    optionField: { field: "uid", where: { field: "type", in: [LIST_FIELD, TREE_FIELD] } },
    listField: { field: "uid", where: { field: "type", in: [LIST_FIELD] } },
    treeField: { field: "uid", where: { field: "type", in: [TREE_FIELD] } },
  }),
  catalogue("/cf.fields.shared.all"),
  catalogue("/workflow.process"),
  catalogue("/triggers", { trigger: "id" }),
  catalogue("/kb.categories", { kbCategory: "id" }),
  catalogue("/kb.articles", { kbArticle: "id" }),
  catalogue("/breakingnews.all", { news: "id" }),
  {
    path: "/cf.fields.by.category",
    needs: ["category"],
    query: (p) => ({ category_id: first("category")(p) }),
  },
  {
    path: "/cf.starting.fields.by.category",
    needs: ["category"],
    query: (p) => ({ category_id: first("category")(p) }),
  },
  {
    path: "/wf.initialfields.by.category",
    needs: ["category"],
    query: (p) => ({ category_id: first("category")(p) }),
  },
  {
    path: "/cf.field.options",
    needs: ["optionField"],
    query: (p) => ({ uid: first("optionField")(p) }),
  },
  {
    path: "/cf.field.options.list",
    needs: ["listField"],
    query: (p) => ({ uid: first("listField")(p) }),
  },
  {
    path: "/cf.field.options.list.config",
    needs: ["listField"],
    query: (p) => ({ uid: first("listField")(p) }),
  },
  {
    path: "/cf.field.options.tree",
    needs: ["treeField"],
    query: (p) => ({ uid: first("treeField")(p) }),
  },
  { path: "/helpdesks.observers", needs: ["helpdesk"], query: (p) => ({ ids: p("helpdesk", 5) }) },
  { path: "/levels.observers", needs: ["level"], query: (p) => ({ ids: p("level", 5) }) },
  { path: "/groups.observers", needs: ["group"], query: (p) => ({ ids: p("group", 5) }) },
  { path: "/locations.observers", needs: ["location"], query: (p) => ({ ids: p("location", 5) }) },
  { path: "/companies.observers", needs: ["company"], query: (p) => ({ ids: p("company", 5) }) },
  { path: "/groups.users", needs: ["group"], query: (p) => ({ id: first("group")(p) }) },
  { path: "/companies.users", needs: ["company"], query: (p) => ({ id: first("company")(p) }) },
  { path: "/companies.groups", needs: ["company"], query: (p) => ({ id: first("company")(p) }) },
  { path: "/locations.users", needs: ["location"], query: (p) => ({ id: first("location")(p) }) },
  {
    path: "/triggers.executions",
    needs: ["trigger"],
    query: (p) => ({ trigger_id: first("trigger")(p) }),
  },
  {
    path: "/kb.articles.by.category",
    needs: ["kbCategory"],
    query: (p) => ({ category_id: first("kbCategory")(p) }),
  },
  {
    path: "/kb.categories.by.ids",
    needs: ["kbCategory"],
    query: (p) => ({ ids: p("kbCategory", 5) }),
  },
  { path: "/kb.articles.by.ids", needs: ["kbArticle"], query: (p) => ({ ids: p("kbArticle", 5) }) },
  {
    path: "/kb.articles.attachments",
    needs: ["kbArticle"],
    query: (p) => ({ article_id: first("kbArticle")(p) }),
  },
  { path: "/breakingnews", needs: ["news"], query: (p) => ({ id: first("news")(p) }) },
  { path: "/breakingnews.status", needs: ["news"], query: (p) => ({ id: first("news")(p) }) },
  // A bounded sample of requests, and what hangs off each.
  {
    path: "/incidents.by.status",
    needs: ["status"],
    query: (p) => ({ status_ids: p("status", 20), limit: 50 }),
    fills: { request: "id" },
  },
  catalogue("/incidents.last.hour"),
  {
    path: "/incidents.by.helpdesk",
    needs: ["helpdesk"],
    query: (p) => ({ helpdesk_id: first("helpdesk")(p) }),
  },
  { path: "/incidents", needs: ["request"], query: (p) => ({ ids: p("request", 5) }) },
  {
    path: "/incident",
    needs: ["request"],
    perRequest: true,
    query: (p) => ({ id: first("request")(p) }),
  },
  ...[
    "/incident.comment",
    "/incident.tasks",
    "/incident.link",
    "/incident.observer",
    "/incident.collaborator",
    "/incident.external_entity",
    "/incident.custom_approval",
  ].map((path): CrawlStep => ({
    path,
    needs: ["request"],
    perRequest: true,
    query: (p) => ({ request_id: first("request")(p) }),
  })),
  {
    path: "/incident.approval",
    needs: ["request"],
    perRequest: true,
    query: (p) => ({ request_id: first("request")(p) }),
    fills: { approval: "id" },
  },
  {
    path: "/incident.approval.possible_voters",
    needs: ["approval"],
    query: (p) => ({ approval_id: first("approval")(p) }),
  },
  {
    path: "/timetracking",
    needs: ["request"],
    perRequest: true,
    query: (p) => ({ request_id: first("request")(p) }),
  },
  // People.
  catalogue("/users", { user: "id", username: "username" }),
  { path: "/users.by", needs: ["username"], query: (p) => ({ username: first("username")(p) }) },
  { path: "/user.by", needs: ["username"], query: (p) => ({ username: first("username")(p) }) },
  { path: "/user", needs: ["user"], query: (p) => ({ id: first("user")(p) }) },
  { path: "/users.groups", needs: ["user"], query: (p) => ({ ids: p("user", 10) }) },
  {
    path: "/incidents.by.agent",
    needs: ["user"],
    query: (p) => ({ id: first("user")(p), limit: 10 }),
  },
  {
    path: "/incidents.by.customer",
    needs: ["user"],
    query: (p) => ({ id: first("user")(p), limit: 10 }),
  },
];

/** GET operations no earlier answer can fill, and why. */
export const NOT_CRAWLED: Readonly<Record<string, string>> = {
  "/assets": "needs asset ids from the CMDB, which no Service Desk answer lists",
  "/assets.linked.assets.counters.from":
    "needs asset ids from the CMDB, which no Service Desk answer lists",
  "/cis.by.id": "needs configuration item ids from the CMDB",
  "/incident.linked_cis.counters.from": "needs a CMDB source id",
  "/incidents.by.asset": "needs asset ids from the CMDB",
  "/incidents.by.cis": "needs configuration item ids and a CMDB source id",
  "/data.export": "needs the id of a data export, which only the instance's settings show",
  "/incidents.by.view": "needs a view id; no answer lists the views",
  "/incidents.details.by.view": "needs a view id; no answer lists the views",
  "/incidents.by.sentiment": "needs a sentiment id; no answer lists them",
  "/incident.attachment": "needs an attachment id; left out so that no file is downloaded",
  "/internalnotes": "needs the id of an internal note, which no list answer gives",
  "/kb.articles.by.keywords":
    "needs search words; choosing them from articles would send their text back",
  "/workflow.field.list.values": "needs a workflow field id; no answer lists them by request",
};
