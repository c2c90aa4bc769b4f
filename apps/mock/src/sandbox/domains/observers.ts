// Observers: users who follow the requests of a company, group, help desk, level or location
// without working on them. The five record kinds share one set of rules: adding or removing
// answers one flag per user sent (true where the relation changed, false where nothing did),
// and the list gives, per record, the observing users and groups.
import type { Json } from "../../spec/description.js";
import { ok } from "../answers.js";
import type { DomainModule, Handler, OperationParams } from "../handler.js";
import {
  type ObservedKind,
  observerGroups,
  observerUsers,
  observerUsersRelation,
} from "../records/observers.js";
import type { StoredRecord, TenantStore } from "../store.js";

const USER = "user";

/**
 * Whether a record can be pointed at. Companies, groups, locations and users belong to another
 * domain: while a tenant holds no record of such a kind at all (its owner's seed not there),
 * any id is taken as known rather than refusing everything (apps/mock/README.md#observers).
 */
function known(store: TenantStore, kind: string, id: number): boolean {
  const record = store.get<StoredRecord & { deleted?: boolean }>(kind, id);
  if (record) return record.deleted !== true;
  return store.count(kind) === 0;
}

/** One flag per user sent, keyed by user id; the same user sent twice counts once. */
type ObservedTag = "Company" | "Group" | "Helpdesk" | "Level" | "Location";
type ObserverChange = `${"add" | "remove"}${ObservedTag}Observers`;
type ObserverList = `list${ObservedTag}Observers`;

function changeObservers(
  kind: ObservedKind,
  params: OperationParams<ObserverChange>,
  store: TenantStore,
  adding: boolean,
): Json {
  const target = params["id"];
  const relation = observerUsersRelation(kind);
  const targetKnown = known(store, kind, target);
  const flags: Record<string, boolean> = {};
  for (const user of params["observer_users"]) {
    if (String(user) in flags) continue;
    if (!targetKnown || !known(store, USER, user)) {
      flags[String(user)] = false;
      continue;
    }
    const observing = store.related(relation, target).includes(user);
    if (adding && !observing) store.relate(relation, target, user);
    if (!adding && observing) store.unrelate(relation, target, user);
    flags[String(user)] = adding !== observing;
  }
  return flags;
}

/** Every live record of the kind (or, while the kind has none, the ids asked for), with observers. */
function listObservers(
  kind: ObservedKind,
  params: OperationParams<ObserverList>,
  store: TenantStore,
): Json {
  const asked = Array.isArray(params["ids"]) ? new Set(params["ids"]) : undefined;
  const records = store.all<StoredRecord & { name?: string; deleted?: boolean }>(kind);
  const targets: Array<{ id: number; name?: string }> =
    records.length > 0
      ? records.filter((record) => record.deleted !== true)
      : [...(asked ?? [])].sort((a, b) => a - b).map((id) => ({ id }));
  return targets
    .filter((target) => !asked || asked.has(target.id))
    .map((target) => ({
      id: target.id,
      ...(typeof target.name === "string" ? { name: target.name } : {}),
      observer_users: observerUsers(store, kind, target.id),
      observer_groups: observerGroups(store, kind, target.id),
    }));
}

const add =
  (kind: ObservedKind): Handler<ObserverChange> =>
  ({ params, store }) =>
    ok(changeObservers(kind, params, store, true));
const remove =
  (kind: ObservedKind): Handler<ObserverChange> =>
  ({ params, store }) =>
    ok(changeObservers(kind, params, store, false));
const list =
  (kind: ObservedKind): Handler<ObserverList> =>
  ({ params, store }) =>
    ok(listObservers(kind, params, store));

export const domain: DomainModule = {
  tag: "Observers",
  handlers: {
    addCompanyObservers: add("company"),
    removeCompanyObservers: remove("company"),
    listCompanyObservers: list("company"),
    addGroupObservers: add("group"),
    removeGroupObservers: remove("group"),
    listGroupObservers: list("group"),
    addHelpdeskObservers: add("helpdesk"),
    removeHelpdeskObservers: remove("helpdesk"),
    listHelpdeskObservers: list("helpdesk"),
    addLevelObservers: add("level"),
    removeLevelObservers: remove("level"),
    listLevelObservers: list("level"),
    addLocationObservers: add("location"),
    removeLocationObservers: remove("location"),
    listLocationObservers: list("location"),
  },
};
