// Finding 9 of the security review: a 428 quoted the received value of a `format: password`
// field, and the request log printed a token request's client_secret. Neither is shown now.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readConfig } from "../../src/front/config.js";
import type { MockServer } from "../../src/front/server.js";
import { createWiredServer } from "../../src/engines.js";
import { basic } from "./basic.js";

let mock: MockServer;
let root: string;
beforeAll(async () => {
  mock = await createWiredServer({
    ...readConfig([], {}),
    host: "127.0.0.1",
    port: 0,
    memory: true,
    log: true,
  });
  root = await mock.listen();
});
afterAll(async () => {
  await mock?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("secrets", () => {
  it("a 428 names a password field without quoting what was sent", async () => {
    const response = await fetch(`${root}/api/v1/user`, {
      method: "POST",
      headers: {
        authorization: basic("secrets"),
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "name=Ada&lastname=Lovelace&email=ada%40example.com&pass[]=Hunter2",
    });
    expect(response.status).toBe(428);
    const text = await response.text();
    expect(text).toContain('"name":"pass"');
    expect(text).not.toContain("Hunter2");
  });

  it("the request log hides a client_secret", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    const answered = new Promise<void>((resolve) =>
      mock.server.once("request", (_, res) => res.once("finish", resolve)),
    );
    await fetch(`${root}/oauth/v2.0/access_token?client_id=a&client_secret=Hunter2`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials&scope=api.v1.incident:get",
    });
    await answered;
    expect(lines.join("\n")).toContain("client_secret=***");
    expect(lines.join("\n")).not.toContain("Hunter2");
  });
});
