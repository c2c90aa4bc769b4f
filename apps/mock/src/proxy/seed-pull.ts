// `seed pull`: reads an instance's configuration (reads only) and turns it into a sandbox
// seed, so that a team's tests run against their own category ids, custom fields and help
// desks. People keep their ids, types and memberships; their names and contacts are generated.
import { isObject, type Json, type JsonObject } from "../spec/description.js";
import { records } from "./harvest.js";
import type { InstanceClient } from "./instance-client.js";
import { pseudonymiseUser, replaceEmails, scrubRequest } from "./pseudonyms.js";

export interface PulledSeed {
  $schema?: string;
  records: Record<string, JsonObject[]>;
  relations: Record<string, Array<[number, number]>>;
}

export interface PullOptions {
  client: InstanceClient;
  /** How many of the most recent open requests to bring along (0: none). */
  requests: number;
}

/**
 * Status ids taken as open when picking requests: New, Open, Pending and Waiting in the
 * manual's numbering. A guess for instances that renumbered their statuses.
 */
export const OPEN_STATUS_IDS = [1, 2, 3, 4];

function id(value: Json | undefined): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function pick(record: JsonObject, fields: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const field of fields) if (record[field] !== undefined) out[field] = record[field];
  return out;
}

/** Records with a whole-number id, the id made a number (some answers send "37"). */
function withIds(list: JsonObject[], idField = "id"): JsonObject[] {
  return list.flatMap((record) => {
    const value = id(record[idField]);
    return value === undefined ? [] : [{ ...record, id: value }];
  });
}

export async function pullSeed(options: PullOptions): Promise<PulledSeed> {
  const { client } = options;
  const seed: PulledSeed = { records: {}, relations: {} };
  const read = async (path: string, query = {}) => {
    const answer = await client.get(path, query);
    return answer.status === 200 ? answer.json : undefined;
  };
  const put = (kind: string, list: JsonObject[]) => {
    if (list.length > 0) seed.records[kind] = list;
  };
  const relate = (kind: string, pairs: Array<[number, number]>) => {
    if (pairs.length > 0) seed.relations[kind] = pairs;
  };
  const named = (list: JsonObject[]) => withIds(list).map((r) => pick(r, ["id", "name"]));

  // Catalogues.
  put("request_status", named(records(await read("/incident.attributes.status"))));
  put("request_priority", named(records(await read("/incident.attributes.priority"))));
  put("request_source", named(records(await read("/incident.attributes.source"))));
  put("request_type", named(records(await read("/incident.attributes.type"))));
  put("custom_field_type", named(records(await read("/cf.fields.types"))));
  put(
    "category",
    withIds(records(await read("/categories"))).map((r) =>
      pick(r, ["id", "name", "parent_category_id"]),
    ),
  );

  // Help desks and their levels, with their members.
  const desks = withIds(records(await read("/helpdesksandlevels")));
  const fields = [
    "id",
    "name",
    "parent_id",
    "level_order",
    "status_id",
    "engine_id",
    "members_ids",
  ];
  put(
    "helpdesk",
    desks.filter((r) => r["level_order"] === undefined).map((r) => pick(r, fields)),
  );
  put(
    "level",
    desks.filter((r) => r["level_order"] !== undefined).map((r) => pick(r, fields)),
  );

  // Custom fields with their options.
  const customFields: JsonObject[] = [];
  for (const field of withIds(records(await read("/cf.fields.all")), "uid")) {
    const record: JsonObject = { ...field, id: id(field["uid"])! };
    if (field["type"] === 3) {
      const list = await read("/cf.field.options.list", { uid: record["id"] as number });
      const keyValues = isObject(list) && isObject(list["key-value"]) ? list["key-value"] : {};
      record["options"] = Object.entries(keyValues).map(([key, label]) => ({ key, label }));
      const config = await read("/cf.field.options.list.config", { uid: record["id"] as number });
      if (isObject(config) && Array.isArray(config["configurations"])) {
        record["configurations"] = config["configurations"];
      }
    } else if (field["type"] === 4) {
      const tree = await read("/cf.field.options.tree", { uid: record["id"] as number });
      if (Array.isArray(tree)) record["tree"] = tree;
    }
    customFields.push(record);
  }
  put("custom_field", customFields);

  // Organisation, and who belongs where.
  const groups = withIds(records(await read("/groups"))).map((r) =>
    pick(r, ["id", "name", "restricted", "time_zone"]),
  );
  const companies = withIds(records(await read("/companies"))).map((r) =>
    pick(r, ["id", "name", "external_id"]),
  );
  const locations = withIds(records(await read("/locations"))).map((r) =>
    pick(r, ["id", "name", "parent_id"]),
  );
  put("group", groups);
  put("company", companies);
  put("location", locations);
  const members = async (path: string, owners: JsonObject[]) => {
    const pairs: Array<[number, number]> = [];
    for (const owner of owners) {
      for (const member of withIds(records(await read(path, { id: owner["id"] as number })))) {
        pairs.push([owner["id"] as number, member["id"] as number]);
      }
    }
    return pairs;
  };
  relate("group_user", await members("/groups.users", groups));
  relate("company_user", await members("/companies.users", companies));
  relate("company_group", await members("/companies.groups", companies));
  relate("location_user", await members("/locations.users", locations));

  // People, pseudonymised.
  put("user", withIds(records(await read("/users"))).map(pseudonymiseUser));

  // Workflows, triggers and the knowledge base's categories.
  const emails = new Map<string, string>();
  put(
    "workflow",
    withIds(records(await read("/workflow.process")), "wf_id").map(
      (r) => replaceEmails({ ...r, id: id(r["wf_id"])! }, emails) as JsonObject,
    ),
  );
  put(
    "trigger",
    withIds(records(await read("/triggers"))).map((r) => pick(r, ["id", "trigger_name"])),
  );
  put(
    "kb_category",
    withIds(records(await read("/kb.categories"))).map((r) => pick(r, ["id", "name", "parent_id"])),
  );

  if (options.requests > 0) {
    const listed = await read("/incidents.by.status", { status_ids: OPEN_STATUS_IDS, limit: 200 });
    const ids = isObject(listed) && Array.isArray(listed["requestIds"]) ? listed["requestIds"] : [];
    const requests: JsonObject[] = [];
    for (const requestId of ids) {
      const request = await read("/incident", { id: id(requestId) ?? 0 });
      if (isObject(request) && id(request["id"]) !== undefined) requests.push(request);
    }
    const newest = requests
      .sort((a, b) => Number(b["created_at"] ?? 0) - Number(a["created_at"] ?? 0))
      .slice(0, options.requests)
      .map((request) => {
        const { comments: _comments, attachments: _attachments, ...rest } = scrubRequest(request);
        return rest;
      });
    put("request", newest);
  }
  return seed;
}
