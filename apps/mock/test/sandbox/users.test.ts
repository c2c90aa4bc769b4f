// A user's life in sandbox mode, through the client over real HTTP: created, changed, disabled
// (and gone from the lists until asked for), enabled, converted, given a password, a reset
// email and a session token, then deleted; the lookups, the search with its cursor, and a
// user's memberships.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";
import { peopleChoices, type Client } from "../support/checked-client.js";

const it = sandboxTest({ undescribed: peopleChoices });

const userIds = async (sd: Client, includeDisabled?: boolean) => {
  const query = includeDisabled === undefined ? {} : { include_disabled: includeDisabled };
  const { data } = await sd.GET("/users", { params: { query } });
  return (data as Array<{ id: number }>).map((u) => u.id);
};

describe("a user's life", () => {
  it("creates, changes, disables, enables, converts, secures and deletes a user", async ({
    client,
  }) => {
    const sd = client("life");
    const created = await sd.POST("/user", {
      body: {
        username: "lvos",
        name: "Lotte",
        lastname: "Vos",
        email: "lotte.vos@northwind.example",
        "other-email": "lotte@home.example",
        localization: "Rotterdam Warehouse",
        department: "Logistics",
        // External at first: she takes part by email until she is converted below.
        is_external: true,
      },
    });
    // The seed's last user is 1190, so the first user created in any tenant is 1191.
    const lotte = {
      id: 1191,
      username: "lvos",
      name: "Lotte",
      lastname: "Vos",
      email: "lotte.vos@northwind.example",
      other_email: "lotte@home.example",
      user_type: 2,
      type: 3,
      role_name: "End user",
      is_disabled: false,
      is_deleted: false,
      is_external: true,
      manager_id: null,
      employee_number: null,
      doc: null,
      department: "Logistics",
      position: null,
      location: "Rotterdam Warehouse",
      phone: null,
      mobile: null,
      office: null,
      fax: null,
      other: null,
      address: null,
      city: null,
      country: null,
      birthday: null,
    };
    expect(created.data).toEqual(lotte);
    expect((await sd.GET("/user", { params: { query: { id: 1191 } } })).data).toEqual(lotte);

    const updated = await sd.PUT("/user", {
      body: { id: 1191, position: "Planner", manager_id: 1051, localization: "Rotterdam Office" },
    });
    expect(updated.data).toEqual({ status: "OK", info: "User 1191 updated." });
    expect((await sd.GET("/user", { params: { query: { id: 1191 } } })).data).toMatchObject({
      position: "Planner",
      manager_id: 1051,
      location: "Rotterdam Office",
      department: "Logistics",
    });

    expect((await sd.PUT("/user.disable", { body: { id: 1191 } })).data).toMatchObject({
      status: "OK",
    });
    expect(await userIds(sd)).not.toContain(1191);
    expect(await userIds(sd, true)).toContain(1191);
    expect((await sd.GET("/user", { params: { query: { id: 1191 } } })).data).toBe(false);
    expect(
      (await sd.GET("/user", { params: { query: { id: 1191, include_disabled: true } } })).data,
    ).toMatchObject({ id: 1191, is_disabled: true });
    const search = { username: "lvos", exact_match: true };
    expect((await sd.GET("/users.by", { params: { query: search } })).data).toEqual({
      data: [],
      next_page_key: [],
    });
    // A disabled user cannot open a session.
    expect((await sd.POST("/user.token", { body: { id: 1191 } })).data).toMatchObject({
      status: "ERROR",
    });

    expect((await sd.PUT("/user.enable", { body: { id: 1191 } })).data).toMatchObject({
      status: "OK",
    });
    expect(await userIds(sd)).toContain(1191);
    expect((await sd.POST("/user.convert", { body: { id: 1191 } })).data).toEqual({
      status: "OK",
      info: "User 1191 converted to an internal user.",
    });
    expect((await sd.GET("/user", { params: { query: { id: 1191 } } })).data).toMatchObject({
      is_external: false,
      is_disabled: false,
    });
    expect(
      Object.keys(
        ((await sd.GET("/users.by", { params: { query: search } })).data as { data: object }).data,
      ),
    ).toEqual(["1191"]);

    expect(
      (
        await sd.PUT("/user.password", {
          body: { id: 1191, password: "example-only-Next-2026", force_password_change: true },
        })
      ).data,
    ).toEqual({ status: "OK", info: "Password of user 1191 changed." });
    expect(
      (await sd.POST("/user.password.reset", { body: { id: 1191, type: "RESET_PASSWORD" } })).data,
    ).toEqual({ status: "OK", info: "Password email sent to user 1191." });
    const token = (await sd.POST("/user.token", { body: { id: 1191 } })).data as {
      status: string;
      token: string;
    };
    expect(token.status).toBe("OK");
    expect(token.token).toMatch(/^tok_[0-9a-f]{32}$/);
    const second = (await sd.POST("/user.token", { body: { id: 1191 } })).data as {
      token: string;
    };
    expect(second.token).not.toBe(token.token);

    expect((await sd.DELETE("/user", { params: { query: { id: 1191 } } })).data).toEqual({
      status: "OK",
      info: "User 1191 deleted.",
    });
    expect((await sd.GET("/user", { params: { query: { id: 1191 } } })).data).toBe(false);
    expect(await userIds(sd, true)).not.toContain(1191);
    expect((await sd.DELETE("/user", { params: { query: { id: 1191 } } })).data).toEqual({
      status: "ERROR",
      info: "There is no user with id 1191.",
    });
  });

  it("turns an external user into an internal one, who may then get a password", async ({
    client,
  }) => {
    const sd = client("convert");
    const created = await sd.POST("/user", {
      body: { name: "Ext", lastname: "Ernal", email: "ext@partner.example", is_external: true },
    });
    // Without a login name the user is known by the email address (our choice).
    expect(created.data).toMatchObject({
      id: 1191,
      username: "ext@partner.example",
      is_external: true,
    });
    expect(
      (await sd.PUT("/user.password", { body: { id: 1191, password: "example-only-X-2026" } }))
        .data,
    ).toEqual({ status: "ERROR", info: "User 1191 is external and cannot log in." });
    expect((await sd.POST("/user.convert", { body: { id: 1191 } })).data).toEqual({
      status: "OK",
      info: "User 1191 converted to an internal user.",
    });
    expect((await sd.GET("/user", { params: { query: { id: 1191 } } })).data).toMatchObject({
      is_external: false,
    });
    expect(
      (await sd.PUT("/user.password", { body: { id: 1191, password: "example-only-X-2026" } }))
        .data,
    ).toMatchObject({ status: "OK" });
  });

  it("answers false for an unknown user, and refuses writes to one", async ({ client }) => {
    const sd = client("unknown");
    expect((await sd.GET("/user", { params: { query: { id: 999999 } } })).data).toBe(false);
    expect((await sd.GET("/user.by", { params: { query: { username: "nobody" } } })).data).toBe(
      false,
    );
    for (const call of [
      sd.PUT("/user", { body: { id: 999999, position: "x" } }),
      sd.PUT("/user.disable", { body: { id: 999999 } }),
      sd.PUT("/user.enable", { body: { id: 999999 } }),
      sd.POST("/user.convert", { body: { id: 999999 } }),
      sd.POST("/user.token", { body: { id: 999999 } }),
      sd.POST("/user.password.reset", { body: { id: 999999, type: "NEW_USER" } }),
    ]) {
      expect((await call).data).toEqual({
        status: "ERROR",
        info: "There is no user with id 999999.",
      });
    }
  });

  it("refuses a login name in use, an unknown manager, and a call with nothing to look for", async ({
    client,
  }) => {
    const sd = client("refusals");
    expect(
      (
        await sd.POST("/user", {
          body: { username: "jberg", name: "J", lastname: "B", email: "j@b.example" },
        })
      ).data,
    ).toEqual({ status: "ERROR", info: "The username jberg is already in use." });
    expect((await sd.PUT("/user", { body: { id: 1187, username: "tokafor" } })).data).toEqual({
      status: "ERROR",
      info: "The username tokafor is already in use.",
    });
    expect((await sd.PUT("/user", { body: { id: 1187, manager_id: 999999 } })).data).toEqual({
      status: "ERROR",
      info: "There is no user with id 999999 to be the manager.",
    });
    expect((await sd.GET("/user", { params: { query: { id: 1187 } } })).data).toMatchObject({
      username: "mlindqvist",
      manager_id: null,
    });
    const none = await sd.GET("/users.by", { params: { query: {} } });
    expect(none.response.status).toBe(428);
    expect(JSON.stringify(none.error)).toMatch(/username/);
    const nothing = await sd.GET("/user.by", { params: { query: {} } });
    expect(nothing.response.status).toBe(428);
  });
});

describe("finding users", () => {
  it("looks one up by login name or email", async ({ client }) => {
    const sd = client("lookup");
    expect(
      (await sd.GET("/user.by", { params: { query: { username: "tokafor" } } })).data,
    ).toMatchObject({ id: 1042, name: "Tomás" });
    expect(
      (await sd.GET("/user.by", { params: { query: { email: "PRIYA.RAMAN@northwind.example" } } }))
        .data,
    ).toMatchObject({ id: 1051 });
  });

  it("filters users.by by any field, exactly or by part, ten to a page behind a cursor", async ({
    client,
  }) => {
    const sd = client("search");
    for (let i = 1; i <= 8; i++) {
      await sd.POST("/user", {
        body: {
          username: `temp${i}`,
          name: "Temp",
          lastname: `${i}`,
          email: `temp${i}@northwind.example`,
        },
      });
    }
    // Five seeded users and eight new ones share the domain: 13 matches, pages of ten.
    const first = (
      await sd.GET("/users.by", { params: { query: { email: "@northwind.example" } } })
    ).data as { data: Record<string, { id: number }>; next_page_key: string };
    expect(Object.keys(first.data)).toHaveLength(10);
    expect(typeof first.next_page_key).toBe("string");
    const rest = (
      await sd.GET("/users.by", {
        params: { query: { email: "@northwind.example", page_key: first.next_page_key } },
      })
    ).data as { data: Record<string, { id: number }>; next_page_key: unknown };
    expect(Object.keys(rest.data)).toEqual(["1196", "1197", "1198"]);
    expect(rest.next_page_key).toEqual([]);
    const all = [...Object.keys(first.data), ...Object.keys(rest.data)].map(Number);
    expect(new Set(all).size).toBe(13);

    const byPhone = (await sd.GET("/users.by", { params: { query: { phones: "555 0142" } } }))
      .data as { data: object };
    expect(Object.keys(byPhone.data)).toEqual(["1042"]);
    const byMobile = (
      await sd.GET("/users.by", { params: { query: { mobile_phone: "555 0187" } } })
    ).data;
    expect(byMobile).toEqual({ data: [], next_page_key: [] });
    expect(
      (await sd.GET("/users.by", { params: { query: { username: "berg", exact_match: true } } }))
        .data,
    ).toEqual({ data: [], next_page_key: [] });
    const part = (await sd.GET("/users.by", { params: { query: { username: "berg" } } })).data as {
      data: object;
    };
    expect(Object.keys(part.data)).toEqual(["1190"]);
    const both = (
      await sd.GET("/users.by", { params: { query: { username: "temp", employee_number: "NW" } } })
    ).data;
    expect(both).toEqual({ data: [], next_page_key: [] });
  });

  it("lists users by id, and a user's groups, companies and locations", async ({ client }) => {
    const sd = client("memberships");
    expect(await userIds(sd)).toEqual([1001, 1042, 1051, 1187, 1190]);
    const two = (await sd.GET("/users", { params: { query: { ids: [1187, 1042, 999999] } } }))
      .data as Array<{ id: number }>;
    expect(two.map((u) => u.id)).toEqual([1042, 1187]);

    const answer = (
      await sd.GET("/users.groups", { params: { query: { ids: [1042, 1190, 999999] } } })
    ).data as Array<Record<string, unknown>>;
    expect(answer.map((entry) => entry["id"])).toEqual([1042, 1190]);
    expect(answer[0]).toMatchObject({
      id: 1042,
      username: "tokafor",
      email: "tomas.okafor@northwind.example",
      groups: {
        "5": { id: 5, name: "Field Technicians", is_default: 1, restricted: 0, time_zone: 10130 },
      },
      companies: [{ id: 8, name: "Northwind Logistics" }],
      // Keyed by id like the groups (production, checked live by CT).
      locations: { "3": { id: 3, name: "Rotterdam Office" } },
    });
    // Jonas is in no group: PHP's empty map is [].
    expect(answer[1]).toMatchObject({
      id: 1190,
      groups: [],
      companies: [{ id: 8, name: "Northwind Logistics" }],
      locations: [],
    });
  });
});
