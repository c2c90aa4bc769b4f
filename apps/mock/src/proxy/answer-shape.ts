// Walks an answer's JSON beside the description's schema and names every place they differ,
// by kind. A validator (ajv) says that a value fails and which keyword failed; a walk says
// what the difference is (an array where an object is described, a null the schema does not
// allow, a field it does not list) and gives the one normalised path a report can count under.
import {
  deref,
  isObject,
  type Json,
  type JsonObject,
  type OpenApiDocument,
} from "../spec/description.js";
import { allowedTypes, describeSchema, type JsonType } from "../spec/schema-navigation.js";
import type { DriftFinding } from "./drift-kinds.js";
import { jsonType, summariseValue } from "./value-summary.js";

/** The schemas a value must satisfy together, with allOf flattened and no anyOf/oneOf left. */
type View = JsonObject[];

/** Past this many alternatives (anyOf inside oneOf inside ...) the rest are not tried. */
const MAX_ALTERNATIVES = 32;
const MAX_DEPTH = 64;

export interface ShapeOptions {
  /** Put the values themselves in `seen` instead of their type and length. */
  showValues: boolean;
}

function branches(s: JsonObject): Json[] {
  return [
    ...(Array.isArray(s["anyOf"]) ? s["anyOf"] : []),
    ...(Array.isArray(s["oneOf"]) ? s["oneOf"] : []),
  ];
}

function withoutCombinators(s: JsonObject): JsonObject {
  const { allOf: _allOf, anyOf: _anyOf, oneOf: _oneOf, ...rest } = s;
  return rest;
}

function product(left: View[], right: View[]): View[] {
  const out: View[] = [];
  for (const a of left) {
    for (const b of right) {
      if (out.length >= MAX_ALTERNATIVES) return out;
      out.push([...a, ...b]);
    }
  }
  return out;
}

/** Every way the schema can be satisfied, as a list of views (one when there is no choice). */
function createExpander(doc: OpenApiDocument) {
  const cache = new WeakMap<object, View[]>();
  const expand = (schema: Json | undefined, depth = 0): View[] => {
    const resolved = deref(doc, schema);
    if (!isObject(resolved)) return [[{}]];
    const cached = cache.get(resolved);
    if (cached) return cached;
    let views: View[] = [[withoutCombinators(resolved)]];
    if (depth < 16) {
      for (const member of Array.isArray(resolved["allOf"]) ? resolved["allOf"] : []) {
        views = product(views, expand(member, depth + 1));
      }
      const choices = branches(resolved);
      if (choices.length > 0)
        views = product(
          views,
          choices.flatMap((b) => expand(b, depth + 1)),
        );
    }
    cache.set(resolved, views);
    return views;
  };
  return expand;
}

function viewTypes(doc: OpenApiDocument, view: View): Set<JsonType> {
  let types: Set<JsonType> | undefined;
  for (const member of view) {
    const allowed = allowedTypes(doc, member);
    types = types ? new Set([...types].filter((t) => allowed.has(t))) : new Set(allowed);
  }
  return types ?? new Set(allowedTypes(doc, {}));
}

/**
 * What a schema expects, as the request validator words it but without the hints about the
 * request's wire form (`ids[]=...`, `1 or 0`), which say nothing about an answer.
 */
function expectedText(doc: OpenApiDocument, schema: Json | undefined): string {
  return describeSchema(doc, schema)
    .replace(/ \((?:name\[[^)]*|1 or 0)\)/g, "")
    .trim();
}

function sameJson(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
    ? `${path}.${key}`
    : `${path}[${JSON.stringify(key)}]`;
}

export type ShapeChecker = (schema: Json | undefined, value: Json) => DriftFinding[];

/** A checker for one description; it caches what it learns about each schema. */
export function createShapeChecker(doc: OpenApiDocument, options: ShapeOptions): ShapeChecker {
  const expand = createExpander(doc);
  const seen = (value: Json) => summariseValue(value, options.showValues);

  function walk(
    schema: Json | undefined,
    value: Json,
    path: string,
    depth: number,
  ): DriftFinding[] {
    if (depth > MAX_DEPTH) return [];
    const views = expand(schema);
    // A branch of the value's JSON type is the one the sender meant, even when it has more
    // findings than a branch of another type: an object missing a field is reported as that,
    // not as "an object where false was expected".
    const type = jsonType(value) as JsonType;
    const fitting = views.filter((view) => {
      const types = viewTypes(doc, view);
      return types.has(type) || (type === "integer" && types.has("number"));
    });
    let best: DriftFinding[] | undefined;
    for (const view of fitting.length > 0 ? fitting : views) {
      const found = checkView(schema, view, value, path, depth);
      if (!best || distance(found, path) < distance(best, path)) best = found;
      if (best.length === 0) break;
    }
    return best ?? [];
  }

  /**
   * How far an alternative is from the value, so that the closest one's differences are the
   * ones reported (the console's answer check ranks the same way). An alternative that rejects
   * the value as a whole (another type, a `const` such as `false`, an enum) is farthest,
   * however few its differences: a request missing one field is closer to the request schema
   * than to `false`, and its missing field says more than "object or boolean". Among those,
   * one that takes the value's type but not its value (`true` against `false`) is nearer than
   * one made for another type.
   */
  function distance(found: DriftFinding[], path: string): number {
    const whole = found.filter((finding) => finding.at === path);
    const rejectsType = whole.some((finding) => finding.kind !== "outside-enum");
    return (rejectsType ? 2e6 : whole.length > 0 ? 1e6 : 0) + found.length;
  }

  function checkView(
    schema: Json | undefined,
    view: View,
    value: Json,
    path: string,
    depth: number,
  ): DriftFinding[] {
    const types = viewTypes(doc, view);
    const type = jsonType(value) as JsonType;
    const typeFits = types.has(type) || (type === "integer" && types.has("number"));
    if (!typeFits) {
      const expected = expectedText(doc, schema);
      const kind =
        value === null
          ? "null-not-nullable"
          : type === "array" && types.has("object")
            ? "array-for-object"
            : type === "object" && types.has("array")
              ? "object-for-array"
              : "type-mismatch";
      return [{ kind, at: path, expected, seen: seen(value) }];
    }
    const found: DriftFinding[] = [];
    for (const member of view) {
      const allowed = Array.isArray(member["enum"])
        ? member["enum"]
        : member["const"] !== undefined
          ? [member["const"]]
          : undefined;
      if (allowed && !allowed.some((option) => sameJson(option, value))) {
        found.push({
          kind: "outside-enum",
          at: path,
          expected: expectedText(doc, member),
          seen: seen(value),
        });
      }
    }
    if (Array.isArray(value)) {
      const items = view.find((member) => member["items"] !== undefined)?.["items"];
      if (items !== undefined) {
        for (const item of value) found.push(...walk(items, item, `${path}[]`, depth + 1));
      }
    } else if (isObject(value)) {
      found.push(...checkObject(view, value, path, depth));
    }
    return found;
  }

  function checkObject(view: View, value: JsonObject, path: string, depth: number) {
    const found: DriftFinding[] = [];
    const properties = new Map<string, Json>();
    const required = new Set<string>();
    let extra: Json | undefined;
    let listsFields = false;
    for (const member of view) {
      if (isObject(member["properties"])) {
        listsFields = true;
        for (const [name, schema] of Object.entries(member["properties"])) {
          if (!properties.has(name)) properties.set(name, schema);
        }
      }
      for (const name of Array.isArray(member["required"]) ? member["required"] : []) {
        if (typeof name === "string") required.add(name);
      }
      const additional = member["additionalProperties"];
      if (additional === false) listsFields = true;
      else if (additional !== undefined && extra === undefined) extra = additional;
      if (isObject(member["patternProperties"]) && extra === undefined) extra = true;
    }
    for (const name of required) {
      if (!(name in value)) {
        found.push({
          kind: "missing-required",
          at: childPath(path, name),
          expected: "required",
          seen: "absent",
        });
      }
    }
    for (const [name, item] of Object.entries(value)) {
      const declared = properties.get(name);
      if (declared !== undefined)
        found.push(...walk(declared, item, childPath(path, name), depth + 1));
      else if (isObject(extra)) found.push(...walk(extra, item, `${path}{}`, depth + 1));
      else if (extra === undefined && listsFields) {
        found.push({
          kind: "undocumented-field",
          at: childPath(path, name),
          expected: "not described",
          seen: seen(item),
        });
      }
    }
    return found;
  }

  return (schema, value) => {
    const found = walk(schema, value, "$", 0);
    // One finding per kind and path: a list of 100 requests missing one field is one drift.
    const unique = new Map<string, DriftFinding>();
    for (const finding of found)
      unique.set(
        `${finding.kind} ${finding.at}`,
        unique.get(`${finding.kind} ${finding.at}`) ?? finding,
      );
    return [...unique.values()];
  };
}
