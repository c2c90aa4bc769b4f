// Replaces the personal data of records pulled from an instance with generated values, keeping
// what tests rely on (ids, types, memberships, roles). Generated emails are on example.com,
// reserved for examples, so no message can reach anyone.
import { isObject, type Json, type JsonObject } from "../spec/description.js";

/** User fields that hold a person's identity or contact details. */
const PERSONAL_USER_FIELDS = [
  "username",
  "name",
  "lastname",
  "email",
  "other_email",
  "employee_number",
  "doc",
  "phone",
  "mobile",
  "office",
  "fax",
  "other",
  "address",
  "birthday",
] as const;

function generated(field: string, id: number): string {
  switch (field) {
    case "username":
      return `user${id}`;
    case "name":
      return "User";
    case "lastname":
      return `No. ${id}`;
    case "email":
      return `user${id}@example.com`;
    case "other_email":
      return `user${id}.other@example.com`;
    case "birthday":
      return "2000-01-01";
    default:
      return `generated-${field}-${id}`;
  }
}

/** A user with every personal field replaced; fields the instance left empty stay empty. */
export function pseudonymiseUser(user: JsonObject): JsonObject {
  const id = typeof user["id"] === "number" ? user["id"] : 0;
  const out: JsonObject = { ...user };
  for (const field of PERSONAL_USER_FIELDS) {
    const value = out[field];
    if (typeof value === "string" && value !== "") out[field] = generated(field, id);
  }
  return out;
}

/** Emails anywhere in a record (a workflow's author and editors) become generated ones. */
export function replaceEmails(value: Json, emails: Map<string, string>): Json {
  if (typeof value === "string" && /^[^@\s]+@[^@\s]+$/.test(value)) {
    if (!emails.has(value)) emails.set(value, `person${emails.size + 1}@example.com`);
    return emails.get(value)!;
  }
  if (Array.isArray(value)) return value.map((item) => replaceEmails(item, emails));
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceEmails(v, emails)]));
  }
  return value;
}

/** A request's free text replaced: its title, description, and text custom field values. */
export function scrubRequest(request: JsonObject): JsonObject {
  const id = request["id"];
  const out: JsonObject = { ...request };
  if (typeof out["title"] === "string") out["title"] = `Request ${String(id)}`;
  if (typeof out["description"] === "string")
    out["description"] = `Text of request ${String(id)}, replaced when it was pulled.`;
  const fields = out["custom_fields"];
  if (isObject(fields)) {
    out["custom_fields"] = Object.fromEntries(
      Object.entries(fields).map(([key, value]) => [
        key,
        typeof value === "string" ? `value ${key}` : value,
      ]),
    );
  }
  return out;
}
