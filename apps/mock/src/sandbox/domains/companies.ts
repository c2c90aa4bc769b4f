// Companies: create, rename, list and delete companies, their users and their linked groups.
// The description's rules for the links: users added to a company join the groups linked to it;
// users removed leave those groups; a group detached with `unlink_users_too` loses the
// company's users.
import type { JsonObject } from "../../spec/description.js";
import { ok, phpMap, refused, requireRecord, written } from "../answers.js";
import type { DomainModule } from "../handler.js";
import {
  COMPANY,
  COMPANY_GROUP,
  COMPANY_USER,
  type CompanyRecord,
  GROUP,
  GROUP_USER,
  liveCount,
  membersOf,
  relateUsers,
  unrelateAll,
} from "../records/people.js";

function companyOut(company: CompanyRecord): JsonObject {
  return {
    id: company.id,
    name: company.name,
    ...(company["external_id"] === undefined ? {} : { external_id: company["external_id"] }),
  };
}

export const domain: DomainModule = {
  tag: "Companies",
  kinds: { [COMPANY]: { schema: "NamedItem" } },
  handlers: {
    createCompany({ params, store }) {
      const name = String(params["name"]).trim();
      if (name === "") return refused("The company needs a name.");
      const company = store.insert(COMPANY, {
        name,
        ...(typeof params["external_id"] === "string"
          ? { external_id: params["external_id"] }
          : {}),
      });
      return written(`Company ${company.id} created.`, companyOut(company));
    },

    updateCompany({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, COMPANY, id, "company");
      if (refusal) return refusal;
      const changes: JsonObject = {};
      if (typeof params["name"] === "string") {
        if (params["name"].trim() === "") return refused("The company name must not be empty.");
        changes["name"] = params["name"].trim();
      }
      if (typeof params["external_id"] === "string") changes["external_id"] = params["external_id"];
      const company = store.update<CompanyRecord>(COMPANY, id, changes)!;
      return written(`Company ${id} updated.`, companyOut(company));
    },

    deleteCompany({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, COMPANY, id, "company");
      if (refusal) return refusal;
      // Users and groups stay; only their links to the company go.
      store.remove(COMPANY, id);
      unrelateAll(store, COMPANY_USER, id);
      unrelateAll(store, COMPANY_GROUP, id);
      return written(`Company ${id} deleted.`);
    },

    listCompanies({ params, store }) {
      const companies = store
        .all<CompanyRecord>(COMPANY)
        .filter(
          (c) =>
            (params["id"] === undefined || c.id === params["id"]) &&
            (params["name"] === undefined || c.name === params["name"]) &&
            (params["external_id"] === undefined || c["external_id"] === params["external_id"]),
        );
      return ok(
        companies.map((c) => ({
          id: c.id,
          name: c.name,
          total: liveCount(store, COMPANY_USER, c.id),
          ...(c["external_id"] === undefined ? {} : { external_id: c["external_id"] }),
        })),
      );
    },

    addCompanyUsers({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, COMPANY, id, "company");
      if (refusal) return refusal;
      const added = relateUsers(store, COMPANY_USER, id, params["users"], true);
      const joined = Object.keys(added)
        .filter((user) => added[user])
        .map(Number);
      for (const group of store.related(COMPANY_GROUP, id)) {
        relateUsers(store, GROUP_USER, group, joined, true);
      }
      return ok(phpMap(added));
    },

    removeCompanyUsers({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, COMPANY, id, "company");
      if (refusal) return refusal;
      const removed = relateUsers(store, COMPANY_USER, id, params["users"], false);
      const left = Object.keys(removed)
        .filter((user) => removed[user])
        .map(Number);
      for (const group of store.related(COMPANY_GROUP, id)) {
        relateUsers(store, GROUP_USER, group, left, false);
      }
      return ok(phpMap(removed));
    },

    listCompanyUsers({ params, store }) {
      const id = params["id"];
      return ok(membersOf(store, store.related(COMPANY_USER, id), params["user_id"]));
    },

    addCompanyGroups({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, COMPANY, id, "company");
      if (refusal) return refusal;
      const result: Record<string, boolean> = {};
      for (const group of params["groups"]) {
        if (String(group) in result) continue;
        const linked = store.related(COMPANY_GROUP, id).includes(group);
        const made = !linked && store.get(GROUP, group) !== undefined;
        if (made) store.relate(COMPANY_GROUP, id, group);
        result[String(group)] = made;
      }
      return ok(phpMap(result));
    },

    removeCompanyGroups({ params, store }) {
      const id = params["id"];
      const { refusal } = requireRecord(store, COMPANY, id, "company");
      if (refusal) return refusal;
      const users = store.related(COMPANY_USER, id);
      const result: Record<string, boolean> = {};
      for (const group of params["groups"]) {
        if (String(group) in result) continue;
        const removed = store.unrelate(COMPANY_GROUP, id, group);
        if (removed && params["unlink_users_too"] === true) {
          relateUsers(store, GROUP_USER, group, users, false);
        }
        result[String(group)] = removed;
      }
      return ok(phpMap(result));
    },

    listCompanyGroups({ params, store }) {
      const id = params["id"];
      return ok(
        store.related(COMPANY_GROUP, id).flatMap((groupId) => {
          const group = store.get<{ id: number; name: string }>(GROUP, groupId);
          return group
            ? [{ id: group.id, name: group.name, total: liveCount(store, GROUP_USER, groupId) }]
            : [];
        }),
      );
    },
  },
};
