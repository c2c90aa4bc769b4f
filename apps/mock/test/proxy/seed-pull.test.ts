// `seed pull` from a sandbox tenant that was changed (a category the built-in seed lacks, a
// new option of a list field, a user added to a group): a fresh sandbox started with the
// pulled seed answers the catalogue reads the same, people's personal fields aside, and no
// name, user name or email of the source is in the seed.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSeedPull } from "../../src/commands/seed-pull.js";
import { startMock, type RunningMock } from "../../src/index.js";
import { basic, call, PASSWORD } from "../support/proxy-helpers.js";
import { BUNDLE_SPEC } from "../support/start-mock.js";

const USER = "seed-source";
const auth = basic(USER);
let source: RunningMock;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "seed-pull-"));
  source = await startMock({
    seed: {
      extends: "builtin",
      records: { category: [{ id: 77, name: "Printers", parent_category_id: 37 }] },
    },
  });
  const option = await call(source.apiUrl, "/cf.field.options.list", {
    method: "POST",
    authorization: auth,
    form: "uid=22&type=key-value&key_values%5Blt-0999%5D=LT-0999%20Spare%20laptop",
  });
  expect(option.status, option.text).toBe(200);
  const member = await call(source.apiUrl, "/groups.users", {
    method: "POST",
    authorization: auth,
    form: "id=6&users%5B%5D=1187",
  });
  expect(member.status, member.text).toBe(200);
});
afterAll(async () => {
  await source?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const CATALOGUE_READS = [
  "/categories",
  "/incident.attributes.status",
  "/incident.attributes.priority",
  "/incident.attributes.type",
  "/incident.attributes.source",
  "/cf.fields.types",
  "/cf.fields.all",
  "/cf.field.options.list?uid=22",
  "/cf.field.options.tree?uid=24",
  "/helpdesks",
  "/levels",
  "/helpdesksandlevels",
  "/groups",
  "/companies",
  "/locations",
  "/triggers",
  "/kb.categories",
  "/groups.users?id=6",
  "/companies.users?id=8",
  "/locations.users?id=3",
];

const PERSONAL = new Set([
  "name",
  "username",
  "email",
  "lastname",
  "other_email",
  "phone",
  "employee_number",
]);

/** The answer with personal fields of people blanked, for comparing across the two sandboxes. */
function withoutPersonal(text: string): unknown {
  return JSON.parse(text, function (key, value: unknown) {
    return PERSONAL.has(key) &&
      !("id" in this && "parent_category_id" in this) &&
      "username" in this
      ? "(personal)"
      : value;
  });
}

describe("seed pull", () => {
  it("writes a seed from which a fresh sandbox answers the catalogue reads the same", async () => {
    const out = join(dir, "instance.seed.json");
    const err: string[] = [];
    const code = await runSeedPull(
      [
        "--upstream",
        source.apiUrl,
        "--username",
        USER,
        "--password",
        PASSWORD,
        "--out",
        out,
        "--requests",
        "1",
        "--upstream-rps",
        "1000",
      ],
      { out: () => undefined, err: (line) => err.push(line), env: {}, specPath: BUNDLE_SPEC },
    );
    expect(code, err.join("\n")).toBe(0);
    const text = await readFile(out, "utf8");
    const seed = JSON.parse(text) as { records: Record<string, Array<Record<string, unknown>>> };
    expect(seed.records["request"]).toHaveLength(1);

    // Nothing personal of the source's people left the instance.
    const users = JSON.parse(
      (await call(source.apiUrl, "/users", { authorization: auth })).text,
    ) as Array<Record<string, string | null>>;
    for (const user of users) {
      for (const field of ["username", "email", "lastname"]) {
        if (user[field])
          expect(text, `${field} of user ${user["id"]}`).not.toContain(`"${user[field]}"`);
      }
    }
    for (const user of seed.records["user"]!)
      expect(String(user["email"])).toMatch(/@example\.com$/);

    const copy = await startMock({ seed: out });
    try {
      for (const path of CATALOGUE_READS) {
        const [before, after] = [
          await call(source.apiUrl, path, { authorization: auth }),
          await call(copy.apiUrl, path, { authorization: auth }),
        ];
        expect(after.status, path).toBe(before.status);
        expect(withoutPersonal(after.text), path).toEqual(withoutPersonal(before.text));
      }
      const categories = (await call(copy.apiUrl, "/categories", { authorization: auth })).text;
      expect(categories).toContain("Printers");
      expect(
        (await call(copy.apiUrl, "/cf.field.options.list?uid=22", { authorization: auth })).text,
      ).toContain("lt-0999");
    } finally {
      await copy.close();
    }
  });
});
