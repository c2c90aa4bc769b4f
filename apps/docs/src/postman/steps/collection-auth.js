// Step: HTTP Basic on the collection with `{{username}}` and `{{password}}`, inherited by every
// request, and the variables a user sets once: `instance` (the host) and `baseUrl`, built from
// the description's first server (`https://{{instance}}/api/v1`). The converter names the
// credentials `{{basicAuthUsername}}`/`{{basicAuthPassword}}`, declares neither, and sets
// `auth: null` on each request. Credentials stay empty here: they are the user's to fill in.
import { requestItems } from "../requests.js";

/** @typedef {import("../convert.js").PostmanCollection} PostmanCollection */
/** @typedef {import("../../openapi/operations.js").OpenApiDocument} OpenApiDocument */

export const BASIC_AUTH = Object.freeze({
  type: "basic",
  basic: [
    { key: "username", value: "{{username}}", type: "string" },
    { key: "password", value: "{{password}}", type: "string" },
  ],
});

/**
 * The collection's variables: one per server variable with its default, then `baseUrl` and
 * the two empty credentials.
 * @param {OpenApiDocument} document
 * @returns {Array<{ key: string, value: string, type: string, description?: string }>}
 */
export function collectionVariables(document) {
  const server = document.servers?.[0];
  if (!server?.url) throw new Error("The description names no server; the collection needs one");
  /** @type {Record<string, { default?: string, description?: string }>} */
  const serverVariables = server.variables ?? {};
  const variables = Object.entries(serverVariables).map(([key, variable]) => {
    if (variable.default === undefined) throw new Error(`Server variable {${key}} has no default`);
    return {
      key,
      value: variable.default,
      type: "string",
      ...(variable.description ? { description: variable.description } : {}),
    };
  });
  const baseUrl = String(server.url)
    .replace(/\{([^}]+)\}/g, (_, /** @type {string} */ name) => {
      if (!(name in serverVariables)) throw new Error(`Server URL names an undeclared {${name}}`);
      return `{{${name}}}`;
    })
    .replace(/\/+$/, "");
  return [
    ...variables,
    {
      key: "baseUrl",
      value: baseUrl,
      type: "string",
      description: "Where every request goes. Point it at the local mock to try the collection.",
    },
    {
      key: "username",
      value: "",
      type: "string",
      description: "User name of the API user (HTTP Basic).",
    },
    { key: "password", value: "", type: "string", description: "Password of the API user." },
  ];
}

/**
 * @param {PostmanCollection} collection
 * @param {OpenApiDocument} document
 * @returns {PostmanCollection}
 */
export function collectionAuth(collection, document) {
  for (const item of requestItems(collection)) delete item.request.auth;
  return {
    ...collection,
    auth: structuredClone(BASIC_AUTH),
    variable: collectionVariables(document),
  };
}
