// The operations of the description, indexed for routing. Everything the front needs about an
// operation is gathered here once at startup, so a request only does map lookups.
import {
  deref,
  HTTP_METHODS,
  isObject,
  type Json,
  type JsonObject,
  type OpenApiDocument,
  type Schema,
} from "./description.js";

export interface ParameterSpec {
  name: string;
  in: "query" | "path" | "header" | "cookie";
  required: boolean;
  schema: Schema;
  example: Json | undefined;
}

export interface Operation {
  /** Lower case, as OpenAPI spells it. */
  method: string;
  /** The path as the description writes it, e.g. `/incident.approval.accept`. */
  path: string;
  operationId: string;
  /** Query and path parameters; path-level ones merged in. */
  parameters: ParameterSpec[];
  /** Request body schema per media type. */
  bodySchemas: Map<string, Schema>;
  /** The first named example of the request body, if any. */
  bodyExample: JsonObject | undefined;
  /** The response codes the description lists, as written ("200", "4XX", "default"). */
  responseCodes: string[];
  /** The code answered when the request names none: the lowest 2xx, as Prism picks it. */
  defaultCode: string | undefined;
  /** The names of the named examples of each response code, in the description's order. */
  exampleKeys: Map<string, string[]>;
}

export type Route =
  | { kind: "found"; operation: Operation; pathParams: Record<string, string> }
  | { kind: "not-found" }
  | { kind: "method-not-allowed"; allow: string[] };

export interface OperationTable {
  operations: Operation[];
  route(pathname: string, method: string): Route;
}

interface PathEntry {
  methods: Map<string, Operation>;
  /** For templated paths (`/things/{id}`): the matcher and the names of its variables. */
  pattern?: RegExp;
  variables?: string[];
}

function readParameter(doc: OpenApiDocument, raw: Json): ParameterSpec | undefined {
  const p = deref(doc, raw);
  if (!isObject(p) || typeof p["name"] !== "string") return undefined;
  const where = p["in"];
  if (where !== "query" && where !== "path" && where !== "header" && where !== "cookie") {
    return undefined;
  }
  const schema = p["schema"];
  const examples = p["examples"];
  let example = p["example"];
  if (example === undefined && isObject(examples)) {
    const first = deref(doc, Object.values(examples)[0]);
    if (isObject(first)) example = first["value"];
  }
  return {
    name: p["name"],
    in: where,
    required: p["required"] === true,
    schema: isObject(schema) || typeof schema === "boolean" ? schema : {},
    example,
  };
}

function namedExamples(doc: OpenApiDocument, mediaType: Json | undefined) {
  const content = deref(doc, mediaType);
  if (!isObject(content) || !isObject(content["examples"])) return [];
  return Object.entries(content["examples"]).map(([key, raw]) => {
    const example = deref(doc, raw);
    return { key, value: isObject(example) ? example["value"] : undefined };
  });
}

/** The media type entry an answer would use: JSON when there is one, else the first. */
function preferredContent(content: JsonObject): Json | undefined {
  const types = Object.keys(content);
  const json = types.find((t) => /^application\/(.+\+)?json/.test(t));
  const chosen = json ?? types[0];
  return chosen === undefined ? undefined : content[chosen];
}

function readOperation(
  doc: OpenApiDocument,
  path: string,
  method: string,
  raw: JsonObject,
  pathLevel: Json | undefined,
): Operation {
  const byKey = new Map<string, ParameterSpec>();
  const lists = [pathLevel, raw["parameters"]];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const spec = readParameter(doc, item);
      if (spec) byKey.set(`${spec.in}:${spec.name}`, spec);
    }
  }
  const bodySchemas = new Map<string, Schema>();
  let bodyExample: JsonObject | undefined;
  const body = deref(doc, raw["requestBody"]);
  if (isObject(body) && isObject(body["content"])) {
    for (const [mediaType, media] of Object.entries(body["content"])) {
      const schema = isObject(media) ? media["schema"] : undefined;
      if (isObject(schema) || typeof schema === "boolean") bodySchemas.set(mediaType, schema);
      const example = namedExamples(doc, media)[0]?.value;
      if (bodyExample === undefined && isObject(example)) bodyExample = example;
    }
  }
  const responses = isObject(raw["responses"]) ? raw["responses"] : {};
  const exampleKeys = new Map<string, string[]>();
  for (const [code, response] of Object.entries(responses)) {
    const resolved = deref(doc, response);
    if (!isObject(resolved) || !isObject(resolved["content"])) continue;
    const keys = namedExamples(doc, preferredContent(resolved["content"])).map((e) => e.key);
    if (keys.length > 0) exampleKeys.set(code, keys);
  }
  const responseCodes = Object.keys(responses);
  const successes = responseCodes.filter((c) => /^2\d\d$/.test(c)).sort();
  return {
    method,
    path,
    operationId: typeof raw["operationId"] === "string" ? raw["operationId"] : `${method} ${path}`,
    parameters: [...byKey.values()].filter((p) => p.in === "query" || p.in === "path"),
    bodySchemas,
    bodyExample,
    responseCodes,
    defaultCode: successes[0] ?? (responseCodes.includes("default") ? "default" : responseCodes[0]),
    exampleKeys,
  };
}

function templatePattern(path: string): { pattern: RegExp; variables: string[] } {
  const variables: string[] = [];
  const source = path
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const variable = /^\{([^}]+)\}$/.exec(part);
      if (variable?.[1]) {
        variables.push(variable[1]);
        return "([^/]+)";
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return { pattern: new RegExp(`^${source}$`), variables };
}

export function indexOperations(doc: OpenApiDocument): OperationTable {
  const exact = new Map<string, PathEntry>();
  const templated: PathEntry[] = [];
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = deref(doc, rawItem);
    if (!isObject(item)) continue;
    const entry: PathEntry = { methods: new Map() };
    for (const method of HTTP_METHODS) {
      const raw = item[method];
      if (!isObject(raw)) continue;
      const operation = readOperation(doc, path, method, raw, item["parameters"]);
      entry.methods.set(method, operation);
      operations.push(operation);
    }
    if (path.includes("{")) templated.push({ ...entry, ...templatePattern(path) });
    else exact.set(path, entry);
  }

  function lookup(pathname: string) {
    const found = exact.get(pathname);
    if (found) return { entry: found, pathParams: {} };
    for (const entry of templated) {
      const match = entry.pattern?.exec(pathname);
      if (!match) continue;
      const pathParams: Record<string, string> = {};
      entry.variables?.forEach((name, i) => (pathParams[name] = match[i + 1] ?? ""));
      return { entry, pathParams };
    }
    return undefined;
  }

  return {
    operations,
    route(pathname, method) {
      const found = lookup(pathname);
      if (!found) return { kind: "not-found" };
      const wanted = method.toLowerCase();
      // HEAD is a GET without a body, as HTTP defines it.
      const operation =
        found.entry.methods.get(wanted) ??
        (wanted === "head" ? found.entry.methods.get("get") : undefined);
      if (operation) return { kind: "found", operation, pathParams: found.pathParams };
      const allow = [...found.entry.methods.keys()].map((m) => m.toUpperCase());
      if (allow.includes("GET")) allow.push("HEAD");
      return { kind: "method-not-allowed", allow };
    },
  };
}
