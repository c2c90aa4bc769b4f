// What a user belongs to and follows (GET /users.groups), gathered from the people relations
// and from the records of the organisation domain (help desks, levels, observers), which land
// separately: a kind or relation that is not there yet simply contributes nothing.
import type { Json, JsonObject } from "../../spec/description.js";
import { phpMap } from "../answers.js";
import type { TenantStore } from "../store.js";
import {
  COMPANY,
  COMPANY_USER,
  GROUP,
  GROUP_USER,
  type GroupRecord,
  LOCATION,
  LOCATION_USER,
  type NamedRecord,
  type UserRecord,
} from "./people.js";

/** Owned by the organisation domain: help desks, their levels, and who observes what. */
const HELPDESK = "helpdesk";
const LEVEL = "level";
const LEVEL_USER = "level_user";
const HELPDESK_LEVEL = "helpdesk_level";
const OBSERVERS = {
  groups_observed: ["group_observer", GROUP],
  helpdesks_observed: ["helpdesk_observer", HELPDESK],
  companies_observed: ["company_observer", COMPANY],
  locations_observed: ["location_observer", LOCATION],
} as const;

/** The time zone code the example data gives the instance's groups and help desks. */
const DEFAULT_TIME_ZONE = 10130;

/** A level record of the organisation domain; read here: `helpdesk_id` and `members_ids`. */
type LevelRecord = NamedRecord;

function named(store: TenantStore, kind: string, ids: readonly number[]): JsonObject[] {
  return ids.flatMap((id) => {
    const record = store.get<NamedRecord>(kind, id);
    return record ? [{ id: record.id, name: record.name }] : [];
  });
}

/**
 * Keys of a group or help desk entry that invgo decodes besides id, name and the flags; an entry
 * carries those its record holds (help desks and levels keep several), none invented.
 */
const RECORD_KEYS = [
  "engine_id",
  "holidays_calendar",
  "level_order",
  "org_id",
  "parent_id",
  "queue_for_next_shift",
  "scale_rule_id",
  "status_id",
  "type_id",
] as const;

/** A group or help desk entry: id, name, the flags invgo decodes and the record's own keys. */
function membershipEntry(record: GroupRecord, isDefault: boolean): JsonObject {
  const entry: JsonObject = {
    id: record.id,
    name: record.name,
    is_default: isDefault ? 1 : 0,
    restricted: record["restricted"] ?? 0,
    time_zone: record["time_zone"] ?? DEFAULT_TIME_ZONE,
  };
  for (const key of RECORD_KEYS) {
    const value = record[key];
    if (value !== undefined && value !== null) entry[key] = value;
  }
  return entry;
}

/** Locations keyed by id, `{id, name}` each (CT lessons: checked live), `[]` when none. */
function locationMap(store: TenantStore, ids: readonly number[]): Json {
  const map: Record<string, Json> = {};
  for (const location of named(store, LOCATION, ids)) map[String(location["id"])] = location;
  return phpMap(map);
}

/**
 * Help desks whose levels count the user among their members. A level names its members in
 * `members_ids` (as GET /levels answers) or through `level_user` pairs, and its help desk in
 * `helpdesk_id` or `parent_id`, or through `helpdesk_level` pairs: whichever the organisation
 * domain keeps.
 */
function helpdesksOf(store: TenantStore, userId: number): number[] {
  const ids = new Set<number>();
  for (const level of store.all<LevelRecord>(LEVEL)) {
    const members = level["members_ids"];
    const isMember =
      (Array.isArray(members) && members.includes(userId)) ||
      store.related(LEVEL_USER, level.id).includes(userId);
    if (!isMember) continue;
    // The organisation domain keeps a level's help desk in `parent_id` (as GET /levels sends it).
    for (const helpdesk of [level["helpdesk_id"], level["parent_id"]])
      if (typeof helpdesk === "number" && helpdesk > 0) ids.add(helpdesk);
    for (const owner of store.relatedTo(HELPDESK_LEVEL, level.id)) ids.add(owner);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Groups and help desks are maps keyed by id; the first by id is the user's default. */
function entryMap(store: TenantStore, kind: string, ids: readonly number[]): Json {
  const map: Record<string, Json> = {};
  let first = true;
  for (const id of ids) {
    const record = store.get<GroupRecord>(kind, id);
    if (!record) continue;
    map[String(id)] = membershipEntry(record, first);
    first = false;
  }
  return phpMap(map);
}

export function membershipsOf(store: TenantStore, user: UserRecord): JsonObject {
  const entry: JsonObject = {
    id: user.id,
    username: user.username,
    email: user.email,
    groups: entryMap(store, GROUP, store.relatedTo(GROUP_USER, user.id)),
    helpdesks: entryMap(store, HELPDESK, helpdesksOf(store, user.id)),
    companies: named(store, COMPANY, store.relatedTo(COMPANY_USER, user.id)),
    locations: locationMap(store, store.relatedTo(LOCATION_USER, user.id)),
  };
  // Observer relations are `(record, user)` pairs, read backwards from the user.
  for (const [key, [relation, kind]] of Object.entries(OBSERVERS)) {
    entry[key] = named(store, kind, store.relatedTo(relation, user.id));
  }
  return entry;
}
