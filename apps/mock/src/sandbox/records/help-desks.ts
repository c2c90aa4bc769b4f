// Help desks and their escalation levels as stored, shared by the domains that read them
// (observers, users' memberships, reassignment). A help desk keeps the ids of its agents in
// `members_ids`; a level keeps its help desk in `parent_id`. `deleted` marks a removed record:
// bookkeeping that never reaches an answer.
import type { JsonObject } from "../../spec/description.js";
import type { StoredRecord, TenantStore } from "../store.js";

export const HELPDESK = "helpdesk";
export const LEVEL = "level";

export type HelpdeskRecord = StoredRecord & {
  name: string;
  parent_id: number;
  status_id: number;
  engine_id: number;
  members_ids?: number[];
  deleted?: boolean;
};

export type LevelRecord = StoredRecord & {
  /** Kind of the record, sent when the seed gives one (CA lists it; values undocumented). */
  type_id?: number;
  /** The help desk the level belongs to. */
  parent_id: number;
  level_order: number;
  status_id: number;
  engine_id: number;
  members_ids?: number[];
  deleted?: boolean;
};

/** A help desk as GET /helpdesks writes it; `members_ids` only where the answer carries it. */
export function helpdeskOut(record: HelpdeskRecord, withMembers: boolean): JsonObject {
  const members = record.members_ids ?? [];
  return {
    id: record.id,
    name: record.name,
    parent_id: record.parent_id,
    status_id: record.status_id,
    engine_id: record.engine_id,
    total_members: members.length,
    ...(withMembers ? { members_ids: members } : {}),
  };
}

/**
 * A level as GET /levels writes it, with its help desk as `parent_id` (CA, verified), and
 * `type_id` when the record holds one (its values are not documented: none is invented).
 */
export function levelOut(record: LevelRecord): JsonObject {
  const members = record.members_ids ?? [];
  return {
    id: record.id,
    ...(typeof record.type_id === "number" ? { type_id: record.type_id } : {}),
    parent_id: record.parent_id,
    level_order: record.level_order,
    status_id: record.status_id,
    engine_id: record.engine_id,
    total_members: members.length,
    members_ids: members,
  };
}

/** The levels of a help desk in escalation order. */
export function levelsOf(store: TenantStore, helpdeskId: number): LevelRecord[] {
  return store
    .where<LevelRecord>(LEVEL, "parent_id", helpdeskId)
    .sort((a, b) => a.level_order - b.level_order || a.id - b.id);
}

/** The help desks a user works in, ascending by id. */
export function helpdesksOfUser(store: TenantStore, userId: number): HelpdeskRecord[] {
  return store
    .all<HelpdeskRecord>(HELPDESK)
    .filter((desk) => !desk.deleted && (desk.members_ids ?? []).includes(userId));
}
