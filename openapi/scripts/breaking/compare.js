// Compares two bundled OpenAPI 3.1 descriptions and lists what changed in the contract a client
// relies on: operations, parameters, request bodies, answers and the schemas under them.
// Each change is breaking or not, judged from the client's side: what it may send must still be
// accepted (requests), and what it reads must still arrive in the shape it was promised
// (answers). Prose (summaries, descriptions, examples) is not part of the contract and is ignored.

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * @typedef {{ breaking: boolean, where: string, what: string }} Change
 * @typedef {Record<string, any>} Node
 * @typedef {"request" | "answer"} Side
 */

/**
 * @param {Node} before the last released description
 * @param {Node} after the description about to be released
 * @returns {Change[]}
 */
export function compareDescriptions(before, after) {
  /** @type {Change[]} */
  const changes = [];
  const docs = { before, after };
  for (const [path, beforeItem] of Object.entries(before.paths ?? {})) {
    const afterItem = after.paths?.[path];
    for (const method of METHODS) {
      const op = beforeItem?.[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const next = afterItem?.[method];
      if (!next) {
        changes.push({ breaking: true, where, what: "operation removed" });
        continue;
      }
      const ctx = { docs, changes, where, seen: new WeakMap() };
      compareParameters(ctx, [beforeItem, op], [afterItem, next]);
      compareRequestBody(ctx, op.requestBody, next.requestBody);
      compareResponses(ctx, op.responses ?? {}, next.responses ?? {});
    }
  }
  for (const [path, afterItem] of Object.entries(after.paths ?? {})) {
    for (const method of METHODS) {
      if (afterItem?.[method] && !before.paths?.[path]?.[method]) {
        changes.push({
          breaking: false,
          where: `${method.toUpperCase()} ${path}`,
          what: "operation added",
        });
      }
    }
  }
  return changes;
}

/**
 * @typedef {{ docs: { before: Node, after: Node }, changes: Change[], where: string,
 *   seen: WeakMap<object, Set<object>> }} Context
 */

/** @param {Context} ctx @param {boolean} breaking @param {string} what */
function report(ctx, breaking, what) {
  ctx.changes.push({ breaking, where: ctx.where, what });
}

/** Follows `$ref`s inside one document (bundles only hold local ones). */
function deref(/** @type {Node} */ doc, /** @type {any} */ node) {
  let current = node;
  for (
    let hops = 0;
    current && typeof current === "object" && typeof current.$ref === "string";
    hops++
  ) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`Only local $refs can be compared, got ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((/** @type {any} */ at, key) => at?.[key], doc);
    if (current === undefined) throw new Error(`Unresolvable $ref ${ref}`);
  }
  return current;
}

/** Parameters of an operation and its path item, keyed by location and name. */
function parameterMap(/** @type {Node} */ doc, /** @type {Node[]} */ levels) {
  /** @type {Map<string, Node>} */
  const map = new Map();
  for (const level of levels) {
    for (const raw of level?.parameters ?? []) {
      const parameter = deref(doc, raw);
      map.set(`${parameter.in} parameter \`${parameter.name}\``, parameter);
    }
  }
  return map;
}

/** @param {Context} ctx @param {Node[]} beforeLevels @param {Node[]} afterLevels */
function compareParameters(ctx, beforeLevels, afterLevels) {
  const before = parameterMap(ctx.docs.before, beforeLevels);
  const after = parameterMap(ctx.docs.after, afterLevels);
  for (const [key, old] of before) {
    const next = after.get(key);
    if (!next) {
      report(ctx, true, `${key} removed`);
      continue;
    }
    if (!old.required && next.required) report(ctx, true, `${key} made required`);
    if (old.required && !next.required) report(ctx, false, `${key} no longer required`);
    compareSchema(ctx, "request", key, old.schema, next.schema);
  }
  for (const [key, next] of after) {
    if (before.has(key)) continue;
    report(ctx, Boolean(next.required), `${next.required ? "required" : "optional"} ${key} added`);
  }
}

/** @param {Context} ctx @param {any} rawBefore @param {any} rawAfter */
function compareRequestBody(ctx, rawBefore, rawAfter) {
  const old = deref(ctx.docs.before, rawBefore);
  const next = deref(ctx.docs.after, rawAfter);
  if (!old) {
    if (next)
      report(
        ctx,
        Boolean(next.required),
        `request body added${next.required ? " (required)" : ""}`,
      );
    return;
  }
  if (!next) {
    report(ctx, true, "request body removed");
    return;
  }
  if (!old.required && next.required) report(ctx, true, "request body made required");
  compareContent(ctx, "request", "body", old.content ?? {}, next.content ?? {});
}

/** @param {Context} ctx @param {Node} before @param {Node} after */
function compareResponses(ctx, before, after) {
  for (const [status, raw] of Object.entries(before)) {
    const old = deref(ctx.docs.before, raw);
    const next = deref(ctx.docs.after, after[status]);
    if (!next) {
      report(ctx, true, `answer ${status} removed`);
      continue;
    }
    compareContent(ctx, "answer", `answer ${status}`, old.content ?? {}, next.content ?? {});
  }
  for (const status of Object.keys(after)) {
    if (!(status in before)) report(ctx, false, `answer ${status} added`);
  }
}

/**
 * @param {Context} ctx @param {Side} side @param {string} label
 * @param {Node} before media types to schemas @param {Node} after
 */
function compareContent(ctx, side, label, before, after) {
  for (const [type, media] of Object.entries(before)) {
    const next = after[type];
    if (!next) {
      report(ctx, true, `${label}: ${type} no longer ${side === "request" ? "accepted" : "sent"}`);
      continue;
    }
    compareSchema(ctx, side, `${label} (${type})`, media.schema, next.schema);
  }
  for (const type of Object.keys(after)) {
    if (!(type in before)) report(ctx, false, `${label}: ${type} added`);
  }
}

/** The JSON types a schema allows, or null when it does not restrict them. */
function typesOf(/** @type {any} */ schema) {
  if (typeof schema?.type === "string") return [schema.type];
  if (Array.isArray(schema?.type)) return schema.type;
  return null;
}

/** Whether every type in `inner` is also allowed by `outer` (integer fits in number). */
function coversTypes(/** @type {string[] | null} */ outer, /** @type {string[] | null} */ inner) {
  if (outer === null) return true;
  if (inner === null) return false;
  return inner.every((t) => outer.includes(t) || (t === "integer" && outer.includes("number")));
}

/** The values a schema is limited to (`enum` or `const`), or null when it is not limited. */
function valuesOf(/** @type {any} */ schema) {
  if (Array.isArray(schema?.enum)) return schema.enum;
  if (schema && "const" in schema) return [schema.const];
  return null;
}

const show = (/** @type {unknown[] | null} */ list) =>
  list === null ? "any" : list.map((v) => JSON.stringify(v)).join(", ");
const showTypes = (/** @type {string[] | null} */ types) =>
  types === null ? "any type" : types.join(" | ");

/**
 * @param {Context} ctx @param {Side} side @param {string} label
 * @param {any} rawBefore @param {any} rawAfter
 */
function compareSchema(ctx, side, label, rawBefore, rawAfter) {
  const old = deref(ctx.docs.before, rawBefore);
  const next = deref(ctx.docs.after, rawAfter);
  if (!old || !next || typeof old !== "object" || typeof next !== "object") return;
  // A recursive schema would loop for ever: compare each pair of schema objects once.
  const pairs = ctx.seen.get(old) ?? new Set();
  if (pairs.has(next)) return;
  pairs.add(next);
  ctx.seen.set(old, pairs);

  const oldTypes = typesOf(old);
  const newTypes = typesOf(next);
  const request = side === "request";
  if (request && !coversTypes(newTypes, oldTypes)) {
    report(
      ctx,
      true,
      `${label}: type narrowed from ${showTypes(oldTypes)} to ${showTypes(newTypes)}`,
    );
  } else if (!request && !coversTypes(oldTypes, newTypes)) {
    report(
      ctx,
      true,
      `${label}: type changed from ${showTypes(oldTypes)} to ${showTypes(newTypes)}`,
    );
  } else if (!request && !coversTypes(newTypes, oldTypes)) {
    report(
      ctx,
      false,
      `${label}: type narrowed from ${showTypes(oldTypes)} to ${showTypes(newTypes)}`,
    );
  } else if (request && !coversTypes(oldTypes, newTypes)) {
    report(
      ctx,
      false,
      `${label}: type widened from ${showTypes(oldTypes)} to ${showTypes(newTypes)}`,
    );
  }

  compareValues(ctx, side, label, valuesOf(old), valuesOf(next));
  compareProperties(ctx, side, label, old, next);
  if (old.items || next.items) compareSchema(ctx, side, `${label}[]`, old.items, next.items);
  if (
    typeof old.additionalProperties === "object" &&
    typeof next.additionalProperties === "object"
  ) {
    compareSchema(ctx, side, `${label}{*}`, old.additionalProperties, next.additionalProperties);
  }
  for (const keyword of ["oneOf", "anyOf", "allOf"]) {
    compareBranches(ctx, side, `${label} ${keyword}`, old[keyword] ?? [], next[keyword] ?? []);
  }
}

/**
 * Removing an allowed value breaks a sender (requests) and, for answers, the generated union
 * types that client code compares against; adding one to an answer is announced, not breaking.
 * @param {Context} ctx @param {Side} side @param {string} label
 * @param {unknown[] | null} old @param {unknown[] | null} next
 */
function compareValues(ctx, side, label, old, next) {
  if (old === null && next === null) return;
  if (old === null) {
    report(ctx, side === "request", `${label}: now limited to ${show(next)}`);
    return;
  }
  if (next === null) {
    report(ctx, side === "answer", `${label}: no longer limited to ${show(old)}`);
    return;
  }
  const key = (/** @type {unknown} */ v) => JSON.stringify(v);
  const nextKeys = new Set(next.map(key));
  const oldKeys = new Set(old.map(key));
  const removed = old.filter((v) => !nextKeys.has(key(v)));
  const added = next.filter((v) => !oldKeys.has(key(v)));
  if (removed.length > 0) report(ctx, true, `${label}: enum value ${show(removed)} removed`);
  if (added.length > 0) report(ctx, false, `${label}: enum value ${show(added)} added`);
}

/** @param {Context} ctx @param {Side} side @param {string} label @param {any} old @param {any} next */
function compareProperties(ctx, side, label, old, next) {
  const oldProps = old.properties ?? {};
  const newProps = next.properties ?? {};
  const oldRequired = new Set(old.required ?? []);
  const newRequired = new Set(next.required ?? []);
  const field = (/** @type {string} */ name) => `${label}: field \`${name}\``;
  for (const name of Object.keys(oldProps)) {
    if (!(name in newProps)) {
      report(ctx, true, `${field(name)} removed`);
      continue;
    }
    if (side === "request" && !oldRequired.has(name) && newRequired.has(name)) {
      report(ctx, true, `${field(name)} made required`);
    }
    if (side === "answer" && oldRequired.has(name) && !newRequired.has(name)) {
      report(ctx, true, `${field(name)} may now be missing (no longer required)`);
    }
    compareSchema(ctx, side, `${label}.${name}`, oldProps[name], newProps[name]);
  }
  for (const name of Object.keys(newProps)) {
    if (name in oldProps) continue;
    const required = side === "request" && newRequired.has(name);
    report(ctx, required, `${field(name)} added${required ? " (required)" : ""}`);
  }
}

/**
 * Alternatives are compared by position. Fewer alternatives narrow what a request may be;
 * more alternatives widen what an answer may be.
 * @param {Context} ctx @param {Side} side @param {string} label @param {any[]} old @param {any[]} next
 */
function compareBranches(ctx, side, label, old, next) {
  const common = Math.min(old.length, next.length);
  for (let i = 0; i < common; i++) compareSchema(ctx, side, `${label}[${i}]`, old[i], next[i]);
  if (label.endsWith("allOf")) {
    if (next.length > old.length)
      report(ctx, side === "request", `${label}: ${next.length - old.length} part(s) added`);
    if (next.length < old.length)
      report(ctx, side === "answer", `${label}: ${old.length - next.length} part(s) removed`);
    return;
  }
  if (next.length < old.length)
    report(ctx, side === "request", `${label}: ${old.length - next.length} alternative(s) removed`);
  if (next.length > old.length)
    report(ctx, side === "answer", `${label}: ${next.length - old.length} alternative(s) added`);
}
