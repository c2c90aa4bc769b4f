// Users: create, read, change and delete accounts; disable and enable them; turn an external
// user into an internal one; passwords, password emails and session tokens; the searches
// (exact lookup, contains-search with a cursor) and a user's memberships.
import { createHash, randomBytes } from "node:crypto";
import type { Json, JsonObject } from "../../spec/description.js";
import { httpError, ok, phpMap, refused, written } from "../answers.js";
import { paramNamed } from "../handler.js";
import type { DomainModule, SandboxAnswer } from "../handler.js";
import { cursorPage } from "../paging.js";
import type { TenantStore } from "../store.js";
import {
  liveUser,
  unrelateMember,
  USER,
  USER_EMAIL,
  USER_PASSWORD,
  USER_TOKEN,
  userOut,
  type UserRecord,
  COMPANY_USER,
  GROUP_USER,
  LOCATION_USER,
} from "../records/people.js";
import { membershipsOf } from "../records/memberships.js";
import { hashPassword } from "../password-hash.js";

/** Write parameters and the user field each lands in (two are spelled differently on reads). */
const PROFILE: Record<string, string> = {
  username: "username",
  name: "name",
  lastname: "lastname",
  email: "email",
  "other-email": "other_email",
  manager_id: "manager_id",
  employee_number: "employee_number",
  doc: "doc",
  department: "department",
  position: "position",
  localization: "location",
  phone: "phone",
  mobile: "mobile",
  office: "office",
  fax: "fax",
  other: "other",
  address: "address",
  city: "city",
  country: "country",
  birthday: "birthday",
};

/** users.by criteria and the user fields each one searches. */
const SEARCH: Record<string, readonly string[]> = {
  username: ["username"],
  email: ["email"],
  employee_number: ["employee_number"],
  phones: ["phone", "mobile", "office", "fax", "other"],
  phone: ["phone"],
  mobile_phone: ["mobile"],
  office_phone: ["office"],
  fax_phone: ["fax"],
  other_phone: ["other"],
};

/** Users per page of GET /users.by, as the description states. */
const SEARCH_PAGE_SIZE = 10;

/** For a random session token (no lookup table can hold one); passwords get hashPassword. */
function digest(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

function profileChanges(params: JsonObject): JsonObject {
  const changes: JsonObject = {};
  for (const [param, field] of Object.entries(PROFILE)) {
    if (params[param] !== undefined) changes[field] = params[param];
  }
  return changes;
}

/** Why a profile change cannot be saved: a login name in use, a manager who does not exist. */
function profileProblem(
  store: TenantStore,
  changes: JsonObject,
  self?: number,
): string | undefined {
  const username = changes["username"];
  if (typeof username === "string") {
    const taken = store
      .where<UserRecord>(USER, "username", username)
      .some((u) => !u.is_deleted && u.id !== self);
    if (taken) return `The username ${username} is already in use.`;
  }
  const manager = changes["manager_id"];
  if (typeof manager === "number" && !liveUser(store, manager)) {
    return `There is no user with id ${manager} to be the manager.`;
  }
  return undefined;
}

/**
 * A call that names none of several optional criteria: 428, as for a missing parameter, with
 * every alternative named the way the front names parameters.
 */
function missingOneOf(names: readonly string[]): SandboxAnswer {
  const answer = httpError(428, `Send at least one of ${names.join(", ")}.`);
  const invalid_params = names.map((name) => ({
    name,
    reason: "is required when the others are missing",
    expected: "string",
  }));
  return { ...answer, body: { ...(answer.body as JsonObject), invalid_params } };
}

function noUser(id: Json | undefined): ReturnType<typeof refused> {
  return refused(`There is no user with id ${String(id)}.`);
}

/** Users the lists show: never deleted ones, disabled ones only when asked for. */
function visible(user: UserRecord, includeDisabled: Json | undefined): boolean {
  return !user.is_deleted && (!user.is_disabled || includeDisabled === true);
}

function matches(user: UserRecord, params: JsonObject, criteria: string[]): boolean {
  const exact = params["exact_match"] === true;
  return criteria.every((criterion) => {
    const wanted = String(params[criterion]).toLowerCase();
    return SEARCH[criterion]!.some((field) => {
      const value = user[field];
      if (typeof value !== "string") return false;
      const have = value.toLowerCase();
      return exact ? have === wanted : have.includes(wanted);
    });
  });
}

export const domain: DomainModule = {
  tag: "Users",
  kinds: { [USER]: { schema: "User" } },
  handlers: {
    createUser({ params, store, now }) {
      const changes = profileChanges(params);
      // The current reference makes the login name optional without saying what a user
      // created without one gets: the sandbox uses the email address (decision in the docs).
      if (changes["username"] === undefined) changes["username"] = params["email"] ?? "";
      const problem = profileProblem(store, changes);
      if (problem) return refused(problem);
      const blank = Object.fromEntries(Object.values(PROFILE).map((field) => [field, null]));
      const user = store.insert(USER, {
        ...blank,
        ...changes,
        // An account made through the web service: type 3, an end user until a role says more.
        user_type: 2,
        type: 3,
        role_name: "End user",
        is_disabled: false,
        is_deleted: false,
        is_external: params["is_external"] === true,
      }) as unknown as UserRecord;
      if (typeof params["pass"] === "string") {
        store.put(USER_PASSWORD, {
          id: user.id,
          digest: hashPassword(params["pass"]),
          force_password_change: params["force_password_change"] === true,
          set_at: now,
        });
      } else if (params["send_set_password_email"] === true) {
        store.insert(USER_EMAIL, { user_id: user.id, type: "NEW_USER", sent_at: now });
      }
      return ok(userOut(user));
    },

    updateUser({ params, store }) {
      const id = params["id"];
      if (!liveUser(store, id)) return noUser(id);
      const changes = profileChanges(params);
      if (params["language"] !== undefined) changes["language"] = params["language"];
      const problem = profileProblem(store, changes, id);
      if (problem) return refused(problem);
      store.update(USER, id, changes);
      return written(`User ${id} updated.`);
    },

    deleteUser({ params, store }) {
      const id = params["id"];
      if (!liveUser(store, id)) return noUser(id);
      // The record stays, marked deleted, for the requests and comments that name it; the
      // memberships go.
      store.update(USER, id, { is_deleted: true });
      for (const relation of [GROUP_USER, COMPANY_USER, LOCATION_USER]) {
        unrelateMember(store, relation, id);
      }
      return written(`User ${id} deleted.`);
    },

    getUser({ params, store }) {
      const user = liveUser(store, params["id"]);
      // An unknown id (or a disabled user, unless asked for) is the bare `false`
      // (docs/wire.md#answers-that-differ-from-the-manual).
      if (!user || !visible(user, params["include_disabled"])) return ok(false);
      return ok(userOut(user));
    },

    getUserBy({ params, store }) {
      const username = params["username"];
      const email = params["email"];
      if (username === undefined && email === undefined) {
        return missingOneOf(["username", "email"]);
      }
      const found = store
        .all<UserRecord>(USER)
        .find(
          (u) =>
            !u.is_deleted &&
            (username === undefined || u.username === username) &&
            (email === undefined || u.email.toLowerCase() === String(email).toLowerCase()),
        );
      return ok(found ? userOut(found) : false);
    },

    convertUser({ params, store, now }) {
      const id = params["id"];
      const user = liveUser(store, id);
      if (!user) return noUser(id);
      if (!user.is_external) return written(`User ${id} is already an internal user.`);
      store.update(USER, id, { is_external: false });
      // Without a password yet, the server mails a link to choose one.
      store.insert(USER_EMAIL, { user_id: id, type: "NEW_USER", sent_at: now });
      return written(`User ${id} converted to an internal user.`);
    },

    disableUser({ params, store }) {
      const id = params["id"];
      if (!liveUser(store, id)) return noUser(id);
      store.update(USER, id, { is_disabled: true });
      return written(`User ${id} disabled.`);
    },

    enableUser({ params, store }) {
      const id = params["id"];
      if (!liveUser(store, id)) return noUser(id);
      store.update(USER, id, { is_disabled: false });
      return written(`User ${id} enabled.`);
    },

    setUserPassword({ params, store, now }) {
      const id = params["id"];
      const user = liveUser(store, id);
      if (!user) return noUser(id);
      if (user.is_external) return refused(`User ${id} is external and cannot log in.`);
      const password = String(params["password"]);
      if (password === "") return refused("The password must not be empty.");
      store.put(USER_PASSWORD, {
        id,
        digest: hashPassword(password),
        force_password_change: params["force_password_change"] === true,
        set_at: now,
      });
      return written(`Password of user ${id} changed.`);
    },

    resetUserPassword({ params, store, now }) {
      const id = params["id"];
      const user = liveUser(store, id);
      if (!user) return noUser(id);
      if (user.is_external) return refused(`User ${id} is external and cannot log in.`);
      store.insert(USER_EMAIL, { user_id: id, type: params["type"], sent_at: now });
      return written(`Password email sent to user ${id}.`);
    },

    createUserToken({ params, store, now }) {
      const id = params["id"];
      const user = liveUser(store, id);
      if (!user) return noUser(id);
      if (user.is_disabled) return refused(`User ${id} is disabled.`);
      const token = `tok_${randomBytes(16).toString("hex")}`;
      // Only a digest is kept: the state (and any snapshot of it) never holds the token.
      store.insert(USER_TOKEN, { user_id: id, digest: digest(token), created_at: now });
      return ok({ status: "OK", token });
    },

    listUsers({ params, store }) {
      const ids = Array.isArray(params["ids"]) ? new Set(params["ids"]) : undefined;
      const users = store
        .all<UserRecord>(USER)
        .filter((u) => (!ids || ids.has(u.id)) && visible(u, params["include_disabled"]));
      return ok(users.map(userOut));
    },

    searchUsers({ params, store }) {
      const criteria = Object.keys(SEARCH).filter(
        (name) => typeof paramNamed(params, name) === "string" && paramNamed(params, name) !== "",
      );
      if (criteria.length === 0) {
        return missingOneOf(Object.keys(SEARCH));
      }
      const found = store
        .all<UserRecord>(USER)
        .filter((u) => visible(u, params["include_disabled"]) && matches(u, params, criteria));
      const page = cursorPage(found, params["page_key"], SEARCH_PAGE_SIZE);
      const data: Record<string, Json> = {};
      for (const user of page.items) data[String(user.id)] = userOut(user);
      // On the last page the server sends PHP's empty value `[]`, not null
      // (docs/wire.md#answers-that-differ-from-the-manual).
      return ok({ data: phpMap(data), next_page_key: page.next_page_key ?? [] });
    },

    listUserGroups({ params, store }) {
      const entries: JsonObject[] = [];
      for (const id of params["ids"]) {
        const user = liveUser(store, id);
        if (user) entries.push(membershipsOf(store, user));
      }
      return ok(entries);
    },
  },
};
