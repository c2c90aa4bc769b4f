// Puts `x-codeSamples` on every operation of a copy of the bundle: TypeScript with the
// project's client and curl on the real wire, plus a multipart curl where files can travel and
// a multipart TypeScript sample that uploads the example's files where the body has file fields.
// Generated at build time from the description, never written by hand, so they cannot drift.
import { defaultServer, listOperations, resolveRef } from "../openapi/operations.js";
import { curlSample } from "./curl.js";
import {
  exampleBodies,
  exampleQuery,
  FORM_URLENCODED,
  MULTIPART,
  propertiesOf,
} from "./example-values.js";
import { typescriptSample } from "./typescript.js";
import { withFileUploads } from "./uploads.js";

/** @typedef {import("../openapi/operations.js").OpenApiDocument} OpenApiDocument */
/** @typedef {import("../openapi/operations.js").OperationEntry} OperationEntry */
/** @typedef {import("./example-values.js").ExampleBody} ExampleBody */
/** @typedef {{ lang: string, label: string, source: string }} CodeSample */

/**
 * A deep copy of the document with `x-codeSamples` on every operation. The input is untouched:
 * the downloadable description stays exactly the bundle.
 * @param {OpenApiDocument} document
 * @returns {OpenApiDocument}
 */
export function withCodeSamples(document) {
  const copy = structuredClone(document);
  for (const entry of listOperations(copy)) {
    entry.operation["x-codeSamples"] = codeSamplesFor(copy, entry);
  }
  return copy;
}

/**
 * The samples of one operation, in the order the page offers them.
 * @param {OpenApiDocument} document
 * @param {OperationEntry} entry
 * @returns {CodeSample[]}
 */
export function codeSamplesFor(document, { path, method, operation }) {
  const { baseUrl, instance } = defaultServer(document);
  const query = exampleQuery(document, operation);
  const bodies = exampleBodies(document, operation);
  // The client sends a form unless a Blob is in the body, so the URL-encoded example is the
  // one to show first; operations that only take multipart show that one.
  const body = bodies.find((candidate) => candidate.mediaType === FORM_URLENCODED) ?? bodies[0];
  const multipart = bodies.find((candidate) => candidate.mediaType === MULTIPART);
  const url = `${baseUrl}${path}`;
  /** @param {ExampleBody | undefined} example */
  const typescript = (example) => {
    // File contents become files read from disk: a string where the types want a Blob would
    // neither compile nor upload anything.
    const { value, files } =
      example?.mediaType === MULTIPART
        ? withFileUploads(example)
        : { value: example?.value, files: [] };
    return typescriptSample({
      method,
      path,
      instance,
      query:
        query.length > 0
          ? Object.fromEntries(query.map(({ name, value }) => [name, value]))
          : undefined,
      body: value,
      statusCheck: statusCheckFor(document, operation),
      files,
    });
  };

  /** @type {CodeSample[]} */
  const samples = [
    { lang: "TypeScript", label: "TypeScript", source: typescript(body) },
    { lang: "curl", label: "curl", source: curlSample({ method, url, query, body }) },
  ];
  if (multipart && multipart !== body) {
    // The client switches to multipart by itself when a file is in the body, so TypeScript
    // only needs a second sample when the example uploads files.
    if (withFileUploads(multipart).files.length > 0) {
      samples.push({
        lang: "TypeScript",
        label: "TypeScript (multipart)",
        source: typescript(multipart),
      });
    }
    samples.push({
      lang: "curl",
      label: "curl (multipart)",
      source: curlSample({ method, url, query, body: multipart }),
    });
  }
  return samples;
}

/**
 * Whether the 200 answer is a status envelope, which reports refusals as HTTP 200 with
 * `status: "ERROR"`, and whether it has an `info` message to throw with.
 * @param {OpenApiDocument} document
 * @param {Record<string, any>} operation
 * @returns {{ info: boolean } | false}
 */
export function statusCheckFor(document, operation) {
  const ok = resolveRef(document, operation.responses?.["200"] ?? {});
  const schema = resolveRef(document, ok.content?.["application/json"]?.schema ?? {});
  // A union answer (anyOf/oneOf) would need narrowing first; keep those samples generic.
  if (schema.anyOf || schema.oneOf) return false;
  const properties = propertiesOf(document, schema);
  const status = properties.status ? resolveRef(document, properties.status) : undefined;
  if (!status?.enum?.includes("ERROR")) return false;
  const info = properties.info ? resolveRef(document, properties.info) : undefined;
  return { info: info?.type === "string" };
}
