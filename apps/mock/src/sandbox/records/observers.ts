// Who observes what: users, and groups of users, who follow the requests of a company, group,
// help desk, level or location without working on them. Stored as relation pairs
// `(observed record, user)` and `(observed record, group)`, one relation kind per record kind,
// so the domains that own those records can read their observers (and a user's observed
// records) without knowing the Observers domain.
import type { TenantStore } from "../store.js";

export type ObservedKind = "company" | "group" | "helpdesk" | "level" | "location";

/** `(record, user)` pairs of a kind: `company_observer`, `helpdesk_observer`, ... */
export function observerUsersRelation(kind: ObservedKind): string {
  return `${kind}_observer`;
}

/** `(record, group)` pairs of a kind: the groups that observe a record as a whole. */
export function observerGroupsRelation(kind: ObservedKind): string {
  return `${kind}_observer_group`;
}

export function observerUsers(store: TenantStore, kind: ObservedKind, id: number): number[] {
  return store.related(observerUsersRelation(kind), id);
}

export function observerGroups(store: TenantStore, kind: ObservedKind, id: number): number[] {
  return store.related(observerGroupsRelation(kind), id);
}

/** The records of a kind that a user observes in person (GET /users.groups' `*_observed`). */
export function observedBy(store: TenantStore, kind: ObservedKind, userId: number): number[] {
  return store.relatedTo(observerUsersRelation(kind), userId);
}
