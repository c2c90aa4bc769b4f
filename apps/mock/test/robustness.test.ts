// Robustness: well over a thousand malformed requests, generated from the bundle (wrong types,
// missing parameters, unknown paths and methods, broken bodies, oversized bodies, bad
// percent-encoding, huge query strings, missing credentials, broken HTTP). Each must get the
// expected 4xx, and each request is aborted after one second, so a hang fails the test.
// Afterwards the same server must still answer a valid request.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDescription, type Json } from "../src/spec/description.js";
import { exampleParameters, wireQuery } from "../src/front/example-request.js";
import { indexOperations, type Operation } from "../src/spec/operations.js";
import { allowedTypes, propertySchema, requiredNames } from "../src/spec/schema-navigation.js";
import { AUTH, BUNDLE_SPEC, startMock, type RunningMock } from "./support/start-mock.js";

const doc = await loadDescription(BUNDLE_SPEC);
const operations = indexOperations(doc).operations;
/**
 * Time one request may take before it counts as a hang. A healthy answer takes milliseconds;
 * the bound is wide so that a CI machine busy with other work (2 cores) cannot fail the run,
 * while a request the server never answers still does.
 */
const HANG_MS = 10_000;

interface Case {
  what: string;
  /** The status the front must answer with (one of them, when several are right). */
  expect: number[];
  send: (api: string) => Promise<number>;
}

function viaFetch(path: string, init: RequestInit = {}, auth = true): Case["send"] {
  return async (api) => {
    const response = await fetch(api + path, {
      ...init,
      headers: { ...(auth ? AUTH : {}), ...(init.headers as Record<string, string>) },
      signal: AbortSignal.timeout(HANG_MS),
    });
    await response.arrayBuffer();
    return response.status;
  };
}

/** Raw bytes on a socket, for what fetch refuses to send; resolves with the answer's status. */
function viaSocket(bytes: string | Buffer): Case["send"] {
  return (api) =>
    new Promise((resolve, reject) => {
      const { hostname, port } = new URL(api);
      const socket = connect(Number(port), hostname);
      let received = "";
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no answer within ${HANG_MS} ms`));
      }, HANG_MS);
      socket.on("data", (chunk) => {
        received += chunk.toString("latin1");
        const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
        if (status) {
          clearTimeout(timer);
          socket.destroy();
          resolve(Number(status[1]));
        }
      });
      socket.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      socket.write(bytes);
    });
}

const label = (op: Operation) => `${op.method.toUpperCase()} ${op.path}`;
const isWrite = (op: Operation) => ["post", "put", "patch"].includes(op.method);

/** The schema of a parameter, declared in the query or in the body. */
function schemaOf(op: Operation, name: string): Json | undefined {
  const declared = op.parameters.find((p) => p.name === name);
  if (declared) return declared.schema;
  for (const schema of op.bodySchemas.values()) {
    const found = propertySchema(doc, schema, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A wire value that the parameter's schema cannot accept, or undefined if any string fits. */
function wrongValue(op: Operation, name: string): string | undefined {
  const types = allowedTypes(doc, schemaOf(op, name));
  if (types.has("string")) return undefined;
  if (types.has("integer") || types.has("number")) return "twelve";
  if (types.has("boolean")) return "maybe";
  // A bare name for an array or a dictionary: the one form PHP does not turn into either.
  if (types.has("array") || types.has("object")) return "flat";
  return undefined;
}

const hasRequired = (op: Operation) =>
  op.parameters.some((p) => p.required) ||
  [...op.bodySchemas.values()].some((schema) => requiredNames(doc, schema).length > 0);

function casesFor(op: Operation): Case[] {
  const params = exampleParameters(op);
  const query = wireQuery(params);
  const method = op.method.toUpperCase();
  const cases: Case[] = [];
  // Each parameter in turn with a value of the wrong type, the others as in the example.
  for (const name of Object.keys(params)) {
    const wrong = wrongValue(op, name);
    if (wrong === undefined) continue;
    const rest = { ...params };
    delete rest[name];
    const others = wireQuery(rest);
    cases.push({
      what: `${label(op)} with ${name}=${wrong}`,
      expect: [428],
      send: viaFetch(`${op.path}?${others ? `${others}&` : ""}${name}=${wrong}`, { method }),
    });
  }
  if (hasRequired(op)) {
    cases.push({
      what: `${label(op)} with no parameters`,
      expect: [428],
      send: viaFetch(op.path, { method }),
    });
  }
  cases.push(
    {
      what: `${label(op)} without credentials`,
      expect: [401],
      send: viaFetch(`${op.path}?${query}`, { method }, false),
    },
    {
      what: `${label(op)} with broken Basic credentials`,
      expect: [401],
      send: viaFetch(
        `${op.path}?${query}`,
        { method, headers: { authorization: "Basic %%%" } },
        false,
      ),
    },
    {
      what: `${label(op)} with bad percent-encoding`,
      expect: [400],
      send: viaFetch(`${op.path}?${query}&x=%E0%A4%A`, { method }),
    },
    {
      what: `${label(op)} with 1,500 parameters`,
      expect: [400],
      send: viaFetch(`${op.path}?${Array.from({ length: 1500 }, (_, i) => `p${i}=1`).join("&")}`, {
        method,
      }),
    },
    {
      what: `${label(op)} with a 40 kB query string`,
      expect: [431],
      send: viaFetch(`${op.path}?${query}&pad=${"x".repeat(40_000)}`, { method }),
    },
    {
      what: `${op.path}x (unknown path)`,
      expect: [404],
      send: viaFetch(`${op.path}x?${query}`, { method }),
    },
    {
      what: `${op.path.toUpperCase()} (paths are case-sensitive)`,
      expect: [404],
      send: viaFetch(`${op.path.toUpperCase()}`),
    },
  );
  // Broken bodies, on any method: the front reads a body whatever the method.
  const bodyMethod = isWrite(op) ? method : "POST";
  const broken: [string, string, string | Blob][] = [
    ["malformed JSON", "application/json", '{"id": 4211,'],
    ["a JSON array", "application/json", "[4211]"],
    [
      "a multipart body without its closing boundary",
      "multipart/form-data; boundary=zz",
      '--zz\r\ncontent-disposition: form-data; name="id"\r\n\r\n42',
    ],
    ["a multipart body without a boundary", "multipart/form-data", "id=42"],
    ["a form with bad percent-encoding", "application/x-www-form-urlencoded", "id=%G1"],
    [
      "a form that is not UTF-8",
      "application/x-www-form-urlencoded",
      new Blob([new Uint8Array([0x69, 0x64, 0x3d, 0xc3, 0x28])]),
    ],
  ];
  if (isWrite(op)) {
    for (const [what, type, body] of broken) {
      cases.push({
        what: `${label(op)} with ${what}`,
        expect: [400],
        send: viaFetch(op.path, { method: bodyMethod, body, headers: { "content-type": type } }),
      });
    }
    cases.push({
      what: `${label(op)} with a text/plain body`,
      expect: [415],
      send: viaFetch(op.path, { method, body: "id=1", headers: { "content-type": "text/plain" } }),
    });
  }
  return cases;
}

/** Methods each path does not take. */
function wrongMethodCases(): Case[] {
  const byPath = new Map<string, Set<string>>();
  for (const op of operations)
    byPath.set(op.path, (byPath.get(op.path) ?? new Set()).add(op.method));
  const cases: Case[] = [];
  for (const [path, methods] of byPath) {
    for (const method of ["get", "post", "put", "patch", "delete"]) {
      if (methods.has(method)) continue;
      cases.push({
        what: `${method.toUpperCase()} ${path}`,
        expect: [405],
        send: viaFetch(path, { method: method.toUpperCase() }),
      });
    }
  }
  return cases;
}

/** Requests broken below the API: oversized bodies, broken HTTP, unknown places. */
function transportCases(): Case[] {
  const first = operations.find(isWrite) ?? operations[0];
  const path = `/api/v1${first?.path ?? "/x"}`;
  const auth = `authorization: ${AUTH.authorization}`;
  const cases: Case[] = [];
  for (let i = 0; i < 3; i++) {
    cases.push({
      what: `an 11 MB form body (${i + 1})`,
      expect: [413],
      send: viaFetch(first?.path ?? "/x", {
        method: first?.method.toUpperCase() ?? "POST",
        body: `x=${"y".repeat(11 * 1024 * 1024)}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    });
  }
  cases.push(
    {
      what: "a declared 2 GB body",
      expect: [413],
      send: viaSocket(
        `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${auth}\r\ncontent-type: application/json\r\ncontent-length: 2000000000\r\n\r\n{}`,
      ),
    },
    {
      what: "garbage instead of HTTP",
      expect: [400],
      send: viaSocket("\x16\x03\x01 hello\r\n\r\n"),
    },
    // Node reads a request line without a version leniently; no credentials can come with it.
    {
      what: "a request line without a version",
      expect: [400, 401],
      send: viaSocket(`GET ${path}\r\n\r\n`),
    },
    {
      what: "a bad content-length",
      expect: [400],
      send: viaSocket(`POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: ten\r\n\r\n`),
    },
    {
      what: "a bad chunked encoding",
      expect: [400],
      send: viaSocket(
        `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${auth}\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n`,
      ),
    },
    {
      what: "a header line without a colon",
      expect: [400],
      send: viaSocket(`GET ${path} HTTP/1.1\r\nhost x\r\n\r\n`),
    },
    { what: "bad percent-encoding in the path", expect: [400], send: viaFetch("/incident%zz") },
    {
      what: "a path escaping upwards",
      expect: [404],
      send: viaSocket(`GET /api/v1/../../etc/passwd HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n`),
    },
    { what: "the API root", expect: [404], send: viaFetch("/") },
    {
      what: "another API version",
      expect: [404],
      send: async (api) =>
        (
          await fetch(api.replace("/v1", "/v2") + "/incident", {
            signal: AbortSignal.timeout(HANG_MS),
          })
        ).status,
    },
  );
  return cases;
}

const cases = [...operations.flatMap(casesFor), ...wrongMethodCases(), ...transportCases()];

/** Runs the cases a few at a time, as several clients would, and collects every miss. */
async function runAll(all: Case[], api: string, concurrency = 8): Promise<string[]> {
  const misses: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < all.length) {
      const c = all[next++]!;
      try {
        const status = await c.send(api);
        if (!c.expect.includes(status))
          misses.push(`${c.what}: got ${status}, expected ${c.expect.join(" or ")}`);
      } catch (error) {
        misses.push(`${c.what}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return misses;
}

// Both modes share the front, and both must refuse the same way: the sandbox's engine must never
// see a request the front refuses.
describe.each(["examples", "sandbox"] as const)(
  `robustness in the %s mode (${cases.length} malformed requests)`,
  (mode) => {
    let run: RunningMock;
    beforeAll(async () => {
      run = await startMock({ specPath: BUNDLE_SPEC, mode });
    });
    afterAll(async () => {
      await run?.mock.close();
    });

    it("generates at least a thousand malformed requests from the bundle", () => {
      expect(cases.length).toBeGreaterThanOrEqual(1000);
    });

    it("answers every one with the right 4xx, none hanging", async () => {
      const misses = await runAll(cases, run.api);
      expect(misses).toEqual([]);
    });

    it("still answers a valid request afterwards", async () => {
      // GET /incident with its example id: the answer is that request, as the example shows it.
      const op = operations.find((o) => o.method === "get" && o.path === "/incident")!;
      const params = exampleParameters(op);
      const response = await fetch(`${run.api}${op.path}?${wireQuery(params)}`, {
        headers: AUTH,
        signal: AbortSignal.timeout(HANG_MS),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      const body = await response.json();
      // Request 4211 is in the seed, so the sandbox answers it from state as the examples do.
      expect(body).toMatchObject({ id: params["id"], title: expect.any(String) });
    });
  },
);
