// The front, end to end over HTTP, on a small fixture description with one operation per wire
// feature: what real clients send is accepted, what is wrong is refused with the right status
// and a problem+json body that names the culprit.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH, FIXTURE_SPEC, startMock, type RunningMock } from "./support/start-mock.js";

let run: RunningMock;
let small: RunningMock;
let docsDir: string;

beforeAll(async () => {
  docsDir = mkdtempSync(join(tmpdir(), "mock-docs-"));
  writeFileSync(join(docsDir, "index.html"), "<!doctype html><title>Reference</title>");
  run = await startMock({ specPath: FIXTURE_SPEC, specYamlPath: FIXTURE_SPEC, docsDir });
  small = await startMock({ specPath: FIXTURE_SPEC, bodyLimit: 1024 });
});

afterAll(async () => {
  await run?.mock.close();
  await small?.mock.close();
  rmSync(docsDir, { recursive: true, force: true });
});

async function call(path: string, init: RequestInit = {}, base = run.api) {
  const response = await fetch(base + path, {
    ...init,
    headers: { ...AUTH, ...(init.headers as Record<string, string>) },
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

const form = (text: string, method = "POST"): RequestInit => ({
  method,
  body: text,
  headers: { "content-type": "application/x-www-form-urlencoded" },
});

function names(body: any): string[] {
  return (body.invalid_params ?? []).map((p: { name: string }) => p.name);
}

describe("what real clients send is accepted", () => {
  it("reads every wire form in the query string of a GET", async () => {
    const r = await call(
      "/parcels?id=7&ids[]=7&ids[]=8&fragile=1&labels[color]=blue&priority=2&since=1793610840&weight=1.5&code=0042&date_format=iso8601",
    );
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ id: 7, weight: 1.5, fragile: true });
  });

  it("reads indexed arrays, true/false booleans and encoded brackets", async () => {
    for (const query of [
      "id=7&ids[0]=7&ids[1]=8",
      "id=7&ids[5]=7&ids[2]=8",
      "id=7&ids%5B%5D=7&fragile=true",
      "id=7&fragile=false&fragile=0",
    ]) {
      expect((await call(`/parcels?${query}`)).status, query).toBe(200);
    }
  });

  it("takes write parameters from the query string, with an empty body", async () => {
    const r = await call("/parcels?owner_id=3&title=Books&is_insured=1&tags[]=paper", {
      method: "POST",
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: "OK", id: 55 });
  });

  it("takes write parameters from a form body, a JSON body or both places", async () => {
    expect((await call("/parcels", form("owner_id=3&title=Books&labels[color]=red"))).status).toBe(
      200,
    );
    expect((await call("/parcels?owner_id=3", form("title=Books"))).status).toBe(200);
    const json = await call("/parcels", {
      method: "POST",
      body: JSON.stringify({ owner_id: 3, title: "Books", is_insured: 1, tags: ["a"] }),
      headers: { "content-type": "application/json" },
    });
    expect(json.status).toBe(200);
  });

  it("lets the body win over the query string, as PHP's $_REQUEST does", async () => {
    expect((await call("/parcels?owner_id=x", form("owner_id=3&title=Books"))).status).toBe(200);
    const r = await call("/parcels?owner_id=3", form("owner_id=x&title=Books"));
    expect(r.status).toBe(422);
    expect(names(r.body)).toEqual(["owner_id"]);
  });

  it("takes multipart bodies with files", async () => {
    const body = new FormData();
    body.append("owner_id", "3");
    body.append("title", "Books");
    body.append(
      "photos[]",
      new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: "image/jpeg" }),
      "parcel.jpg",
    );
    body.append("photos[]", new Blob(["second"]), "second.jpg");
    expect((await call("/parcels", { method: "POST", body })).status).toBe(200);
  });

  it("reads DELETE parameters from the query string", async () => {
    expect((await call("/parcels?ids[]=7", { method: "DELETE" })).status).toBe(200);
  });

  it("routes templated paths and checks their variables", async () => {
    expect((await call("/depots/12")).body).toEqual({ id: 12 });
    const r = await call("/depots/abc");
    expect(r.status).toBe(422);
    expect(names(r.body)).toEqual(["depot_id"]);
  });

  it("builds an answer from the schema when the description has no example", async () => {
    const r = await call("/parcels.count");
    expect(r.status).toBe(200);
    expect(Number.isInteger(r.body.total)).toBe(true);
  });

  it("answers 406 when the Accept header allows no media type the operation answers with", async () => {
    const r = await call("/parcels?id=7", { headers: { accept: "application/xml" } });
    expect(r.status).toBe(406);
    expect(
      (await call("/parcels?id=7", { headers: { accept: "text/html, */*;q=0.8" } })).status,
    ).toBe(200);
  });

  it("answers HEAD like GET without a body, and OPTIONS with the allowed methods", async () => {
    const head = await call("/parcels?id=7", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    const options = await call("/parcels", { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, POST, DELETE, HEAD");
  });
});

describe("the Prefer header", () => {
  it("picks a named example", async () => {
    const r = await call("/parcels?id=7", { headers: { prefer: "example=large" } });
    expect(r.body).toEqual({ id: 8, weight: 30, fragile: false });
  });

  it("picks a status code, with its example and headers", async () => {
    const r = await call("/parcels?id=7", { headers: { prefer: "code=429" } });
    expect(r.status).toBe(429);
    expect(r.body).toEqual({ error: "Rate limit exceeded", status: 429 });
    expect(r.headers.get("retry-after")).toBe("30");
    expect((await call("/parcels?id=7", { headers: { prefer: "code=401" } })).status).toBe(401);
  });

  it("switches to generated data", async () => {
    const r = await call("/parcels?id=7", { headers: { prefer: "dynamic=true, seed=1" } });
    expect(r.status).toBe(200);
    expect(Number.isInteger(r.body.id)).toBe(true);
  });

  it("is the default for a mock started in dynamic mode", async () => {
    const dynamic = await startMock({ specPath: FIXTURE_SPEC, dynamic: true });
    try {
      const r = await call("/parcels?id=7", {}, dynamic.api);
      expect(r.status).toBe(200);
      expect(Number.isInteger(r.body.id)).toBe(true);
      const named = await call(
        "/parcels?id=7",
        { headers: { prefer: "example=large" } },
        dynamic.api,
      );
      expect(named.body).toEqual({ id: 8, weight: 30, fragile: false });
    } finally {
      await dynamic.mock.close();
    }
  });

  it("refuses codes and examples the operation does not describe", async () => {
    for (const prefer of ["code=500", "example=huge", "code=401, example=large", "dynamic=maybe"]) {
      const r = await call("/parcels?id=7", { headers: { prefer } });
      expect(r.status, prefer).toBe(422);
      expect(names(r.body), prefer).toEqual(["Prefer"]);
    }
  });
});

describe("bad input", () => {
  it("asks for credentials (401) before anything else about the operation", async () => {
    const r = await fetch(`${run.api}/parcels?id=7`);
    expect(r.status).toBe(401);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect(r.headers.get("www-authenticate")).toMatch(/Basic/);
    const body = await r.json();
    expect(body).toMatchObject({ status: 401, error: expect.any(String) });
  });

  it("names each missing or mistyped parameter with what was expected (422)", async () => {
    const r = await call("/parcels?ids=7&fragile=yes&priority=9&labels=blue&weight=-1");
    expect(r.status).toBe(422);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    const byName = Object.fromEntries(r.body.invalid_params.map((p: any) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual([
      "fragile",
      "id",
      "ids",
      "labels",
      "priority",
      "weight",
    ]);
    expect(byName.id).toMatchObject({ reason: "is required", expected: "integer" });
    expect(byName.ids.expected).toMatch(/^array of integer \(ids\[\]=/);
    expect(byName.fragile).toMatchObject({ expected: "boolean (1 or 0)", received: '"yes"' });
    expect(byName.priority.expected).toBe("one of 1, 2, 3");
    expect(byName.labels.expected).toMatch(/^object/);
    expect(byName.weight.reason).toMatch(/>= 0/);
    expect(r.body.detail).toMatch(/6 parameters are invalid/);
  });

  it("names items inside arrays and dictionaries in wire notation", async () => {
    const r = await call("/parcels?id=7&ids[]=1&ids[]=x");
    expect(names(r.body)).toEqual(["ids[1]"]);
    const w = await call("/parcels", form("owner_id=3&title=t&labels[color][x]=1"));
    expect(names(w.body)).toEqual(["labels[color]"]);
  });

  it("answers 404 for unknown paths and 405 for methods a path does not take", async () => {
    expect((await call("/nothing.here")).status).toBe(404);
    expect((await call("/")).status).toBe(404);
    const r = await call("/parcels", { method: "PUT" });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET, POST, DELETE, HEAD");
  });

  it("refuses bodies over the limit (413), declared or streamed", async () => {
    const big = "title=" + "x".repeat(2000);
    expect((await call("/parcels", form(big), small.api)).status).toBe(413);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        `${small.api}/parcels`,
        {
          method: "POST",
          headers: { ...AUTH, "content-type": "application/x-www-form-urlencoded" },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.write("title=" + "x".repeat(600));
      req.end("&more=" + "y".repeat(600));
    });
    expect(streamed).toBe(413);
  });

  it("refuses malformed bodies and percent-encoding with 400", async () => {
    const cases: [string, RequestInit][] = [
      [
        "/parcels",
        { method: "POST", body: "{not json", headers: { "content-type": "application/json" } },
      ],
      [
        "/parcels",
        { method: "POST", body: "[1,2]", headers: { "content-type": "application/json" } },
      ],
      [
        "/parcels",
        {
          method: "POST",
          body: "--x\r\nbroken",
          headers: { "content-type": "multipart/form-data; boundary=x" },
        },
      ],
      [
        "/parcels",
        { method: "POST", body: "a=1", headers: { "content-type": "multipart/form-data" } },
      ],
      ["/parcels", form("title=%zz")],
      [
        "/parcels",
        {
          method: "POST",
          body: Buffer.from([0x74, 0x3d, 0xff, 0xfe]),
          headers: { "content-type": "application/x-www-form-urlencoded" },
        },
      ],
      ["/parcels?id=%E0%A4%A", {}],
      ["/parcels%zz", {}],
    ];
    for (const [path, init] of cases) {
      const r = await call(path, init);
      expect(r.status, `${path} ${String(init.body)}`).toBe(400);
      expect(r.body.status).toBe(400);
    }
  });

  it("refuses bodies that cannot carry parameters (415)", async () => {
    const r = await call("/parcels", {
      method: "POST",
      body: "hello",
      headers: { "content-type": "text/plain" },
    });
    expect(r.status).toBe(415);
  });
});

describe("outside the API", () => {
  it("serves the reference site and the bundle", async () => {
    const page = await fetch(`${run.root}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Reference/);
    const spec = await fetch(`${run.root}/openapi.json`);
    expect(spec.headers.get("content-type")).toBe("application/json");
    expect((await spec.json()).info.title).toBe("Wire fixture");
    expect((await fetch(`${run.root}/missing.html`)).status).toBe(404);
    expect((await fetch(`${run.root}/%2e%2e/package.json`)).status).toBe(404);
  });

  it("says at / when the reference site is not built", async () => {
    const page = await fetch(`${small.root}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/not built/);
  });

  it("answers CORS preflights from other origins", async () => {
    const r = await fetch(`${run.api}/parcels`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });
});
