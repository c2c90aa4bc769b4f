// GET /users.groups reads records the organisation domain owns (help desks, levels, observer
// pairs). Those land separately, so this checks the reading against a store filled by hand in
// either of the ways that domain may keep them.
import { describe, expect, it } from "vitest";
import { membershipsOf } from "../../src/sandbox/records/memberships.js";
import { USER, type UserRecord } from "../../src/sandbox/records/people.js";
import { sqlite } from "../../src/sandbox/sqlite.js";
import { TenantStore } from "../../src/sandbox/store.js";

const memoryStore = () => new TenantStore(new (sqlite().DatabaseSync)(":memory:"));

function withTomas(store: TenantStore): UserRecord {
  return store.put(USER, {
    id: 1042,
    username: "tokafor",
    name: "Tomás",
    lastname: "Okafor",
    email: "tomas.okafor@northwind.example",
  }) as UserRecord;
}

describe("a user's memberships", () => {
  it("finds help desks through the members of their levels, in either form", () => {
    const store = memoryStore();
    const tomas = withTomas(store);
    store.put("helpdesk", { id: 12, name: "IT Support", parent_id: 0, status_id: 1, engine_id: 1 });
    store.put("helpdesk", { id: 14, name: "Facilities" });
    store.put("level", { id: 31, name: "First line", helpdesk_id: 12, members_ids: [1042] });
    store.put("level", { id: 32, name: "Second line", helpdesk_id: 12, members_ids: [1051] });
    store.put("level", { id: 40, name: "Desk", members_ids: [] });
    store.relate("helpdesk_level", 14, 40);
    store.relate("level_user", 40, 1042);
    expect(membershipsOf(store, tomas)["helpdesks"]).toEqual({
      // The help desk's own keys that invgo decodes come along; none is invented.
      "12": {
        id: 12,
        name: "IT Support",
        is_default: 1,
        restricted: 0,
        time_zone: 10130,
        parent_id: 0,
        status_id: 1,
        engine_id: 1,
      },
      "14": { id: 14, name: "Facilities", is_default: 0, restricted: 0, time_zone: 10130 },
    });
  });

  it("lists what the user observes, and empty maps as []", () => {
    const store = memoryStore();
    const tomas = withTomas(store);
    store.put("company", { id: 8, name: "Northwind Logistics" });
    store.put("location", { id: 3, name: "Rotterdam Office", parent_id: 0 });
    store.relate("company_observer", 8, 1042);
    store.relate("location_observer", 3, 1042);
    expect(membershipsOf(store, tomas)).toEqual({
      id: 1042,
      username: "tokafor",
      email: "tomas.okafor@northwind.example",
      groups: [],
      helpdesks: [],
      companies: [],
      locations: [],
      groups_observed: [],
      helpdesks_observed: [],
      companies_observed: [{ id: 8, name: "Northwind Logistics" }],
      locations_observed: [{ id: 3, name: "Rotterdam Office" }],
    });
  });
});
