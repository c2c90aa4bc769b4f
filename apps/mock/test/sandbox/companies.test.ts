// Membership imports in sandbox mode (Companies, Groups, Locations), through the client over
// real HTTP: a company created with everything in the query string, users created and put into
// it, into a group and a location, listed back, then taken out again; renames, deletes, and the
// refusals for records that do not exist.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";
import { peopleChoices, type Client } from "../support/checked-client.js";

const it = sandboxTest({ undescribed: peopleChoices });

async function createUser(sd: Client, username: string) {
  const { data } = await sd.POST("/user", {
    body: { username, name: username, lastname: "Importer", email: `${username}@freight.example` },
  });
  return (data as { id: number }).id;
}

describe("membership imports", () => {
  it("imports a company, its users, a group and a location, lists them, then undoes it", async ({
    client,
    mock,
    checkedFetch,
  }) => {
    const sd = client("imports");

    // Everything in the query string and an empty body, as invgo and Postman send writes.
    const url = new URL(`${mock.apiUrl}/companies`);
    url.searchParams.set("name", "Northwind Air");
    url.searchParams.set("external_id", "CRM-40100");
    const raw = await checkedFetch(url, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from("imports:secret").toString("base64")}` },
    });
    expect(raw.status).toBe(200);
    // The seed's last company is 9: the first one created in any tenant is 10.
    expect(await raw.json()).toEqual({
      status: "OK",
      info: "Company 10 created.",
      id: 10,
      name: "Northwind Air",
      external_id: "CRM-40100",
    });

    const anna = await createUser(sd, "anna");
    const ben = await createUser(sd, "ben");
    expect([anna, ben]).toEqual([1191, 1192]);

    const group = (await sd.POST("/groups", { body: { name: "Air Crew" } })).data as { id: number };
    expect(group).toMatchObject({ status: "OK", id: 7 });
    const location = (await sd.POST("/locations", { body: { name: "Schiphol Hangar" } })).data as {
      id: number;
    };
    expect(location).toMatchObject({ status: "OK", id: 5 });

    // A group linked to the company receives the users added to the company afterwards.
    expect((await sd.POST("/companies.groups", { body: { id: 10, groups: [7] } })).data).toEqual({
      "7": true,
    });
    expect(
      (await sd.POST("/companies.users", { body: { id: 10, users: [anna, ben] } })).data,
    ).toEqual({ [anna]: true, [ben]: true });
    expect(
      (await sd.POST("/locations.users", { body: { id: 5, users: [anna, ben, 999999] } })).data,
    ).toEqual({ [anna]: true, [ben]: true, "999999": false });
    // Adding again changes nothing: false. An id sent twice is answered by its first mention.
    expect(
      (await sd.POST("/companies.groups", { body: { id: 10, groups: [5, 5, 7] } })).data,
    ).toEqual({ "5": true, "7": false });
    await sd.DELETE("/companies.groups", { params: { query: { id: 10, groups: [5] } } });
    expect((await sd.POST("/groups.users", { body: { id: 7, users: [anna] } })).data).toEqual({
      [anna]: false,
    });

    const members = [
      { id: anna, name: "anna Importer", username: "anna", email: "anna@freight.example" },
      { id: ben, name: "ben Importer", username: "ben", email: "ben@freight.example" },
    ];
    expect((await sd.GET("/companies.users", { params: { query: { id: 10 } } })).data).toEqual(
      members,
    );
    expect((await sd.GET("/groups.users", { params: { query: { id: 7 } } })).data).toEqual(members);
    expect((await sd.GET("/locations.users", { params: { query: { id: 5 } } })).data).toEqual(
      members,
    );
    expect(
      (await sd.GET("/companies.users", { params: { query: { id: 10, user_id: ben } } })).data,
    ).toEqual([members[1]]);
    expect((await sd.GET("/companies", { params: { query: { id: 10 } } })).data).toEqual([
      { id: 10, name: "Northwind Air", total: 2, external_id: "CRM-40100" },
    ]);
    expect((await sd.GET("/companies.groups", { params: { query: { id: 10 } } })).data).toEqual([
      { id: 7, name: "Air Crew", total: 2 },
    ]);
    expect((await sd.GET("/locations", { params: { query: { id: 5 } } })).data).toEqual([
      { id: 5, name: "Schiphol Hangar", total: 2, parent_id: 0 },
    ]);
    const memberships = (await sd.GET("/users.groups", { params: { query: { ids: [anna] } } }))
      .data as Array<Record<string, unknown>>;
    expect(memberships).toMatchObject([
      {
        id: anna,
        groups: { "7": { id: 7, name: "Air Crew", is_default: 1, restricted: 0 } },
        companies: [{ id: 10, name: "Northwind Air" }],
        locations: { "5": { id: 5, name: "Schiphol Hangar" } },
      },
    ]);

    // Leaving the company also means leaving the groups linked to it.
    expect(
      (await sd.DELETE("/companies.users", { params: { query: { id: 10, users: [ben] } } })).data,
    ).toEqual({ [ben]: true });
    expect((await sd.GET("/groups.users", { params: { query: { id: 7 } } })).data).toEqual([
      members[0],
    ]);
    // Leaving the company does not move anyone out of a location; an id sent twice counts once.
    expect(
      (await sd.DELETE("/locations.users", { params: { query: { id: 5, users: [ben, ben] } } }))
        .data,
    ).toEqual({ [ben]: true });
    expect(
      (await sd.DELETE("/locations.users", { params: { query: { id: 5, users: [ben] } } })).data,
    ).toEqual({ [ben]: false });
    expect(
      (await sd.DELETE("/groups.users", { params: { query: { id: 7, users: [anna] } } })).data,
    ).toEqual({ [anna]: true });
    expect((await sd.GET("/groups", { params: { query: { id: 7 } } })).data).toEqual([
      { id: 7, name: "Air Crew", total: 0 },
    ]);

    // Detaching the group with unlink_users_too takes the company's users out of it.
    expect((await sd.POST("/groups.users", { body: { id: 7, users: [anna, anna] } })).data).toEqual(
      { [anna]: true },
    );
    expect(
      (
        await sd.DELETE("/companies.groups", {
          params: { query: { id: 10, groups: [7], unlink_users_too: true } },
        })
      ).data,
    ).toEqual({ "7": true });
    expect((await sd.GET("/groups.users", { params: { query: { id: 7 } } })).data).toEqual([]);
    expect((await sd.GET("/companies.groups", { params: { query: { id: 10 } } })).data).toEqual([]);
  });

  it("renames a company with PUT /companies and finds it by its new external id", async ({
    client,
  }) => {
    const sd = client("rename");
    const changed = await sd.PUT("/companies", {
      body: { id: 9, name: "Northwind Freight BV", external_id: "NWF-0009" },
    });
    expect(changed.data).toEqual({
      status: "OK",
      info: "Company 9 updated.",
      id: 9,
      name: "Northwind Freight BV",
      external_id: "NWF-0009",
    });
    expect(
      (await sd.GET("/companies", { params: { query: { external_id: "NWF-0009" } } })).data,
    ).toEqual([{ id: 9, name: "Northwind Freight BV", total: 0, external_id: "NWF-0009" }]);
    expect(
      (await sd.GET("/companies", { params: { query: { external_id: "CRM-40018" } } })).data,
    ).toEqual([]);
  });

  it("starts every tenant from the example data set", async ({ client }) => {
    const sd = client("seeded");
    expect(
      (await sd.GET("/companies", { params: { query: { name: "Northwind Logistics" } } })).data,
    ).toEqual([{ id: 8, name: "Northwind Logistics", total: 4, external_id: "CRM-40017" }]);
    expect(
      (await sd.GET("/groups", { params: { query: { name: "Field Technicians" } } })).data,
    ).toEqual([{ id: 5, name: "Field Technicians", total: 2 }]);
    expect((await sd.GET("/locations", {})).data).toEqual([
      { id: 3, name: "Rotterdam Office", total: 2, parent_id: 0 },
      { id: 4, name: "Rotterdam Warehouse", total: 0, parent_id: 3 },
    ]);
    const users = (await sd.GET("/locations.users", { params: { query: { id: 3 } } })).data;
    expect((users as Array<{ id: number }>).map((u) => u.id)).toEqual([1042, 1187]);
  });

  it("deletes a location with everything below it, a group and a company", async ({ client }) => {
    const sd = client("deletes");
    const child = (await sd.POST("/locations", { body: { name: "Dock 2", parent_id: 4 } }))
      .data as { id: number };
    await sd.POST("/locations.users", { body: { id: child.id, users: [1187] } });
    expect((await sd.DELETE("/locations", { params: { query: { id: 4 } } })).data).toMatchObject({
      status: "OK",
    });
    expect((await sd.GET("/locations", {})).data).toEqual([
      { id: 3, name: "Rotterdam Office", total: 2, parent_id: 0 },
    ]);
    const maya = (await sd.GET("/users.groups", { params: { query: { ids: [1187] } } })).data;
    expect(maya).toMatchObject([{ locations: { "3": { id: 3, name: "Rotterdam Office" } } }]);

    expect((await sd.DELETE("/groups", { params: { query: { id: 5 } } })).data).toMatchObject({
      status: "OK",
    });
    expect((await sd.GET("/companies.groups", { params: { query: { id: 8 } } })).data).toEqual([]);
    expect((await sd.DELETE("/companies", { params: { query: { id: 8 } } })).data).toMatchObject({
      status: "OK",
    });
    expect((await sd.GET("/companies", {})).data).toEqual([
      { id: 9, name: "Northwind Freight", total: 0, external_id: "CRM-40018" },
    ]);
    // The users themselves stay.
    expect((await sd.GET("/user", { params: { query: { id: 1042 } } })).data).toMatchObject({
      id: 1042,
    });
  });

  it("refuses writes aimed at records that do not exist, and a call without its parameters", async ({
    client,
  }) => {
    const sd = client("refusals");
    expect((await sd.POST("/groups.users", { body: { id: 999, users: [1042] } })).data).toEqual({
      status: "ERROR",
      info: "There is no group with id 999.",
    });
    expect(
      (await sd.POST("/companies.users", { body: { id: 999, users: [1042] } })).data,
    ).toMatchObject({ status: "ERROR", info: "There is no company with id 999." });
    expect(
      (await sd.POST("/locations", { body: { name: "Nowhere", parent_id: 999 } })).data,
    ).toEqual({ status: "ERROR", info: "There is no location with id 999 to nest under." });
    expect((await sd.PUT("/companies", { body: { id: 999, name: "X" } })).data).toMatchObject({
      status: "ERROR",
    });
    expect((await sd.DELETE("/companies", { params: { query: { id: 999 } } })).data).toEqual({
      status: "ERROR",
      info: "There is no company with id 999.",
    });
    expect((await sd.DELETE("/groups", { params: { query: { id: 999 } } })).data).toMatchObject({
      status: "ERROR",
    });
    expect((await sd.DELETE("/locations", { params: { query: { id: 999 } } })).data).toMatchObject({
      status: "ERROR",
    });
    const missing = await sd.POST("/companies.users", { body: { id: 8 } as never });
    expect(missing.response.status).toBe(428);
    expect(JSON.stringify(missing.error)).toMatch(/users/);
    // Nothing of the refused calls was written.
    expect((await sd.GET("/companies", { params: { query: { id: 8 } } })).data).toMatchObject([
      { total: 4 },
    ]);
  });

  it("keeps one credential's companies from another", async ({ client }) => {
    const alice = client("alice-co");
    const bob = client("bob-co");
    await alice.POST("/companies", { body: { name: "Alice Only" } });
    expect(
      (await bob.GET("/companies", { params: { query: { name: "Alice Only" } } })).data,
    ).toEqual([]);
    expect(
      (await alice.GET("/companies", { params: { query: { name: "Alice Only" } } })).data,
    ).toEqual([{ id: 10, name: "Alice Only", total: 0 }]);
  });
});
