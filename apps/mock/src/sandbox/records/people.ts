// Users, groups, companies and locations as stored, and the shapes the answers give them.
// Owned by the people domains (Users, Groups, Companies, Locations); any domain may read them
// (an author, a voter, an observer is a user) through the helpers here.
import type { Json, JsonObject } from "../../spec/description.js";
import type { StoredRecord, TenantStore } from "../store.js";

export const USER = "user";
export const GROUP = "group";
export const COMPANY = "company";
export const LOCATION = "location";
/** `(group, user)`: the user is a member of the group. */
export const GROUP_USER = "group_user";
/** `(company, user)`: the user belongs to the company. */
export const COMPANY_USER = "company_user";
/** `(company, group)`: the group is linked to the company; users added later join it. */
export const COMPANY_GROUP = "company_group";
/** `(location, user)`: the user is placed at the location. */
export const LOCATION_USER = "location_user";
/** A password set through PUT /user.password or POST /user: its digest, never the text. */
export const USER_PASSWORD = "user_password";
/** A session opened by POST /user.token: the token's digest and its user. */
export const USER_TOKEN = "user_token";
/** An email the server would send (password reset, welcome after a conversion). */
export const USER_EMAIL = "user_email";

/** The keys of a user record, in the order the description lists them. */
export const USER_FIELDS = [
  "id",
  "username",
  "name",
  "lastname",
  "email",
  "other_email",
  "user_type",
  "type",
  "role_name",
  "is_disabled",
  "is_deleted",
  "is_external",
  "manager_id",
  "employee_number",
  "doc",
  "department",
  "position",
  "location",
  "phone",
  "mobile",
  "office",
  "fax",
  "other",
  "address",
  "city",
  "country",
  "birthday",
] as const;

export interface UserRecord extends StoredRecord {
  username: string;
  name: string;
  lastname: string;
  email: string;
  is_disabled: boolean;
  is_deleted: boolean;
  is_external: boolean;
  phone: string | null;
  mobile: string | null;
  office: string | null;
  fax: string | null;
  other: string | null;
  employee_number: string | null;
}

export interface NamedRecord extends StoredRecord {
  name: string;
}

/** A group; `restricted` (0/1) and `time_zone` (the instance's code) feed GET /users.groups. */
export type GroupRecord = NamedRecord;

/** A company; `external_id` is its id in another system, when one was given. */
export type CompanyRecord = NamedRecord;

export interface LocationRecord extends NamedRecord {
  parent_id: number;
}

/** A user as the description gives it: every key present, nothing of our bookkeeping. */
export function userOut(user: UserRecord): JsonObject {
  const out: JsonObject = {};
  for (const key of USER_FIELDS) out[key] = (user[key] as Json | undefined) ?? null;
  return out;
}

/**
 * A user that exists for the API: deleted accounts keep their record (`is_deleted`) for the
 * history of requests, but reads and writes no longer find them.
 */
export function liveUser(store: TenantStore, id: number): UserRecord | undefined {
  const user = store.get<UserRecord>(USER, id);
  return user && !user.is_deleted ? user : undefined;
}

/** The short form of a user in member lists: id, full name, login and email. */
export function memberOut(user: UserRecord): JsonObject {
  return {
    id: user.id,
    name: `${user.name} ${user.lastname}`.trim(),
    username: user.username,
    email: user.email,
  };
}

/** The live members among `ids`, by ascending id, narrowed to `only` when it is given. */
export function membersOf(store: TenantStore, ids: readonly number[], only?: Json): JsonObject[] {
  const wanted = typeof only === "number" ? ids.filter((id) => id === only) : ids;
  return wanted.flatMap((id) => {
    const user = liveUser(store, id);
    return user ? [memberOut(user)] : [];
  });
}

/** How many live users a relation lists for `owner` (the `total` of groups, companies...). */
export function liveCount(store: TenantStore, relation: string, owner: number): number {
  return store.related(relation, owner).filter((id) => liveUser(store, id)).length;
}

/**
 * Adds or removes `(owner, user)` pairs and reports each user sent: true where the link was
 * made (or removed), false where nothing changed or the user does not exist.
 */
export function relateUsers(
  store: TenantStore,
  relation: string,
  owner: number,
  users: readonly number[],
  add: boolean,
): Record<string, boolean> {
  const result: Record<string, boolean> = {};
  for (const userId of users) {
    // An id sent twice is answered once, by what its first mention did.
    if (String(userId) in result) continue;
    const exists = liveUser(store, userId) !== undefined;
    const linked = store.related(relation, owner).includes(userId);
    if (add) {
      result[String(userId)] = exists && !linked;
      if (exists && !linked) store.relate(relation, owner, userId);
    } else {
      result[String(userId)] = linked && store.unrelate(relation, owner, userId);
    }
  }
  return result;
}

/** Drops every pair a relation holds for `owner` (a deleted group, company or location). */
export function unrelateAll(store: TenantStore, relation: string, owner: number): void {
  for (const other of store.related(relation, owner)) store.unrelate(relation, owner, other);
}

/** Drops every pair that names `member` on its b side (a deleted user, a deleted group). */
export function unrelateMember(store: TenantStore, relation: string, member: number): void {
  for (const owner of store.relatedTo(relation, member)) store.unrelate(relation, owner, member);
}
