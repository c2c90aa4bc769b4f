// The reference site and the files beside it are built with the default address
// (http://127.0.0.1:4010) in their samples, server lists and embedded state; a mock on another
// port or name serves them naming its own origin, so "try it" calls reach the server the page
// came from. The console lives in a folder: /console without its slash is redirected.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../src/index.js";

const BUILT = "http://127.0.0.1:4010";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.close());

/** GET with a Host header of our choosing (fetch sets its own). */
function getWithHost(path: string, host: string) {
  const { port } = new URL(mock.origin);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (done, fail) => {
      request({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          done({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      })
        .on("error", fail)
        .end();
    },
  );
}

describe("the built origin in served files", () => {
  it("is replaced by the mock's own origin in the reference page, with a right Content-Length", async () => {
    const page = await fetch(`${mock.origin}/`);
    expect(page.status).toBe(200);
    const bytes = Buffer.from(await page.arrayBuffer());
    expect(Number(page.headers.get("content-length"))).toBe(bytes.byteLength);
    const html = bytes.toString("utf8");
    expect(html.includes(`${mock.origin}/api/v1`)).toBe(true);
    expect(html.includes(BUILT)).toBe(false);
  });

  it("is replaced in the console, the Postman collection and the bundled description", async () => {
    for (const path of ["/console/", "/console/console.js", "/postman.json", "/openapi.json"]) {
      const text = await (await fetch(`${mock.origin}${path}`)).text();
      expect(text.includes(mock.origin), path).toBe(true);
      expect(text.includes(BUILT), path).toBe(false);
    }
    const spec = (await (await fetch(`${mock.origin}/openapi.json`)).json()) as {
      servers: { url: string }[];
    };
    expect(spec.servers.map((server) => server.url)).toContain(`${mock.origin}/api/v1`);
    const yaml = await (await fetch(`${mock.origin}/openapi.yaml`)).text();
    expect(yaml.includes(`${mock.origin}/api/v1`)).toBe(true);
  });

  it("follows the Host the page was asked from, once the host check let it through", async () => {
    const { port } = new URL(mock.origin);
    const page = await getWithHost("/", `localhost:${port}`);
    expect(page.status).toBe(200);
    expect(Number(page.headers["content-length"])).toBe(Buffer.byteLength(page.body));
    expect(page.body.includes(`http://localhost:${port}/api/v1`)).toBe(true);
    expect(page.body.includes(BUILT)).toBe(false);
    // Asked again from the first origin: each origin gets its own copy.
    const again = await (await fetch(`${mock.origin}/`)).text();
    expect(again.includes(`http://localhost:${port}`)).toBe(false);
  });

  it("takes the bound address, not the header, when the Host is not a plain host and port", async () => {
    const page = await getWithHost("/console/", `127.0.0.1:"><script>x</script>`);
    expect(page.status).toBe(200);
    expect(page.body.includes("<script>x")).toBe(false);
    expect(page.body.includes(mock.origin)).toBe(true);
  });

  it("is refused with the Host a page on another name sends", async () => {
    expect((await getWithHost("/", "attacker.example")).status).toBe(403);
  });
});

describe("/console", () => {
  it("redirects to /console/ with its query string", async () => {
    for (const path of ["/console", "/console?operation=getIncident"]) {
      const answer = await fetch(`${mock.origin}${path}`, { redirect: "manual" });
      expect([301, 308], path).toContain(answer.status);
      expect(answer.headers.get("location"), path).toBe(path.replace("/console", "/console/"));
    }
    const followed = await fetch(`${mock.origin}/console`);
    expect(followed.url).toBe(`${mock.origin}/console/`);
    expect(followed.headers.get("content-type")).toMatch(/^text\/html/);
  });

  it("does not turn a double slash into a redirect to another host", async () => {
    const answer = await getWithHost("//console", new URL(mock.origin).host);
    expect(answer.headers["location"]).toBe("/console/");
  });
});
