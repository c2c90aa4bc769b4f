// Example requests built from the description's own examples, written in the real server's
// wire format: the startup banner prints one as a curl line, and the tests and the benchmark
// send them.
import { toWirePairs } from "@sd-toolkit/client/wire";
import type { AuthPolicy } from "./config.js";
import { isObject, type Json, type Schema } from "../spec/description.js";
import type { Operation } from "../spec/operations.js";

function schemaExample(schema: Schema): Json | undefined {
  if (!isObject(schema)) return undefined;
  if (Array.isArray(schema["examples"]) && schema["examples"].length > 0)
    return schema["examples"][0];
  return schema["example"] ?? schema["default"];
}

/** Every parameter the description gives an example for, query parameters and body alike. */
export function exampleParameters(operation: Operation): { [name: string]: Json } {
  const params: { [name: string]: Json } = {};
  for (const p of operation.parameters) {
    const example = p.example ?? schemaExample(p.schema);
    if (example !== undefined) params[p.name] = example;
  }
  return { ...params, ...(operation.bodyExample ?? {}) };
}

/**
 * `name=value` pairs in PHP's wire form (`ids[]=1`, `key_values[k]=v`, booleans as 1/0), by the
 * client's own encoder, so the banner and the tests send what the client sends. Examples hold
 * no Blob, so every value is text.
 */
export const wirePairs = (params: { [name: string]: Json }): [string, string][] =>
  toWirePairs(params) as [string, string][];

/** The pairs as a query string or form body. Brackets are percent-encoded like any byte. */
export function wireQuery(params: { [name: string]: Json }): string {
  return wirePairs(params)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join("&");
}

/**
 * A GET whose required parameters all have examples makes the clearest first call; `usable`
 * narrows the choice to operations the running mode really answers.
 */
export function showcaseOperation(
  all: readonly Operation[],
  usable: (op: Operation) => boolean = () => true,
): Operation | undefined {
  const hasExamples = (op: Operation) => {
    const params = exampleParameters(op);
    return op.parameters.every((p) => !p.required || params[p.name] !== undefined);
  };
  const operations = all.filter(usable);
  // Reading request 4211 is what a newcomer tries first; any GET with examples otherwise.
  return (
    operations.find((op) => op.method === "get" && op.path === "/incident" && hasExamples(op)) ??
    operations.find((op) => op.method === "get" && op.parameters.length > 0 && hasExamples(op)) ??
    operations.find((op) => op.method === "get") ??
    operations[0]
  );
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export interface CurlAuth {
  /** curl's options for the credentials, already quoted for a POSIX shell; empty for none. */
  options: string;
  /** What the reader must know to use them, when the line alone does not say. */
  note?: string;
}

/**
 * The credentials of the curl line, by policy, never printing a secret: the banner goes to
 * terminals and CI logs. With a list, curl asks for the password (`-u user` alone does that).
 */
export function curlAuth(policy: AuthPolicy): CurlAuth {
  if (policy.kind === "none") return { options: "" };
  if (policy.kind === "any") return { options: "-u demo:demo" };
  const pair = policy.basic.values().next().value;
  if (pair !== undefined) {
    const user = pair.slice(0, pair.indexOf(":"));
    return {
      options: `-u ${shellQuote(user)}`,
      note: `curl asks for the password of ${user}, as given in MOCK_AUTH`,
    };
  }
  return {
    options: `-H ${shellQuote("Authorization: Bearer <token>")}`,
    note: "put one of the Bearer tokens of MOCK_AUTH in place of <token>",
  };
}

/** A ready-to-paste curl command for the operation, with its example parameters. */
export function curlLine(apiUrl: string, operation: Operation, auth = "-u demo:demo"): string {
  const params = wireQuery(exampleParameters(operation));
  const url = apiUrl + operation.path;
  const curl = auth ? `curl ${auth}` : "curl";
  if (operation.method === "get" || operation.method === "delete") {
    const method = operation.method === "delete" ? " -X DELETE" : "";
    return `${curl}${method} ${shellQuote(params ? `${url}?${params}` : url)}`;
  }
  const data = params ? ` --data ${shellQuote(params)}` : "";
  return `${curl} -X ${operation.method.toUpperCase()} ${shellQuote(url)}${data}`;
}
