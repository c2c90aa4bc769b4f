import { describe, expect, it } from "vitest";
import { createServiceDeskClient, type ServiceDeskClientOptions } from "../src/index.js";
import { json, PASSWORD, scriptedFetch } from "./helpers.js";

const auth = { username: "api", password: PASSWORD };

function urlCalled(options: Partial<ServiceDeskClientOptions>): Promise<string> {
  const { fetch, requests } = scriptedFetch(json({}));
  const sd = createServiceDeskClient({ auth, fetch, ...options } as ServiceDeskClientOptions);
  return sd.GET("/sd.version").then(() => requests[0]!.url);
}

/** The message of what `create` throws (and a check that it is a TypeError). */
function thrown(create: () => unknown): string {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error("expected createServiceDeskClient to throw");
}

const make = (options: unknown) => () =>
  createServiceDeskClient(options as ServiceDeskClientOptions);

describe("base URL", () => {
  it("turns an instance host into https://{instance}/api/v1", async () => {
    expect(await urlCalled({ instance: "acme.sd.cloud.invgate.net" })).toBe(
      "https://acme.sd.cloud.invgate.net/api/v1/sd.version",
    );
    expect(await urlCalled({ instance: "SD.Example.COM:8443" })).toBe(
      "https://sd.example.com:8443/api/v1/sd.version",
    );
  });

  it("takes baseUrl as given (a trailing slash is tolerated)", async () => {
    expect(await urlCalled({ baseUrl: "https://sd.example.test/helpdesk/api/v1/" })).toBe(
      "https://sd.example.test/helpdesk/api/v1/sd.version",
    );
  });

  it("accepts plain http to loopback hosts without opt-in (the local mock)", async () => {
    expect(await urlCalled({ baseUrl: "http://127.0.0.1:4010/api/v1" })).toBe(
      "http://127.0.0.1:4010/api/v1/sd.version",
    );
    expect(await urlCalled({ baseUrl: "http://localhost:4010/api/v1" })).toBe(
      "http://localhost:4010/api/v1/sd.version",
    );
    expect(await urlCalled({ baseUrl: "http://[::1]:4010/api/v1" })).toBe(
      "http://[::1]:4010/api/v1/sd.version",
    );
  });

  it("refuses plain http elsewhere unless allowInsecureHttp is set", async () => {
    expect(thrown(make({ baseUrl: "http://sd.example.test/api/v1", auth }))).toBe(
      "createServiceDeskClient: options.baseUrl must be https:// (or http:// to loopback, or allowInsecureHttp)",
    );
    expect(thrown(make({ baseUrl: "http://127.0.0.1.example.test/api/v1", auth }))).toMatch(
      /options\.baseUrl/,
    );
    expect(await urlCalled({ baseUrl: "http://sd.internal/api/v1", allowInsecureHttp: true })).toBe(
      "http://sd.internal/api/v1/sd.version",
    );
  });

  it("names the option in every construction error", () => {
    expect(thrown(make({ auth }))).toBe(
      "createServiceDeskClient: options.baseUrl or options.instance is required",
    );
    expect(thrown(make({ baseUrl: "not a url", auth }))).toBe(
      "createServiceDeskClient: options.baseUrl is not an absolute URL",
    );
    expect(thrown(make({ baseUrl: "ftp://sd.example.test/api/v1", auth }))).toMatch(
      /^createServiceDeskClient: options\.baseUrl must be https/,
    );
    expect(thrown(make({ instance: "https://acme.sd.cloud.invgate.net", auth }))).toBe(
      "createServiceDeskClient: options.instance must be a host name",
    );
    expect(thrown(make({ instance: "acme.net", baseUrl: "https://acme.net/api/v1", auth }))).toBe(
      "createServiceDeskClient: options.instance conflicts with options.baseUrl",
    );
    expect(thrown(make({ instance: "acme.net" }))).toMatch(
      /^createServiceDeskClient: options\.auth must be/,
    );
    expect(thrown(make({ instance: "acme.net", auth: { username: "api" } }))).toBe(
      "createServiceDeskClient: options.auth.password must be a non-empty string",
    );
    // A Windows path as a user name: the server would read user "tenant-C" and a wrong password.
    const windowsPath = { username: "tenant-C:\\work\\a.test.ts", password: "any" };
    expect(thrown(make({ instance: "acme.net", auth: windowsPath }))).toBe(
      "createServiceDeskClient: options.auth.username must not contain ':'",
    );
    const colonInPassword = { username: "api", password: "a:b" };
    expect(() => make({ instance: "acme.net", auth: colonInPassword })()).not.toThrow();
    expect(thrown(make({ instance: "acme.net", auth: { token: "" } }))).toBe(
      "createServiceDeskClient: options.auth.token must be a non-empty string",
    );
    expect(thrown(make({ instance: "acme.net", auth: { clientId: "c", clientSecret: "s" } }))).toBe(
      "createServiceDeskClient: options.auth.scopes must be an array",
    );
    for (const timeoutMs of [-1, 0, 3e9, Number.NaN, "5000"]) {
      expect(thrown(make({ instance: "acme.net", auth, timeoutMs })), String(timeoutMs)).toBe(
        "createServiceDeskClient: options.timeoutMs must be a positive number below 2^31, Infinity or false",
      );
    }
    expect(thrown(make({ instance: "acme.net:99999", auth }))).toBe(
      "createServiceDeskClient: options.instance is not an absolute URL",
    );
  });

  it("refuses every bad retry setting at construction, naming options.retry", () => {
    for (const retry of [
      { attempts: -2 },
      { attempts: 0 },
      { attempts: Number.NaN },
      { baseDelayMs: -1 },
      { maxDelayMs: Number.POSITIVE_INFINITY },
      { budgetMs: "60000" },
      // Not an array: it used to pass (a number looked like a delay) and crash the first retry.
      { methods: 5 },
      { methods: "GET" },
    ]) {
      expect(thrown(make({ instance: "acme.net", auth, retry })), JSON.stringify(retry)).toBe(
        "createServiceDeskClient: options.retry needs attempts >= 1, delays >= 0 and a methods array",
      );
    }
  });

  it("treats a setting given as undefined like one left out", () => {
    const retry = {
      attempts: undefined,
      baseDelayMs: undefined,
      maxDelayMs: undefined,
      budgetMs: undefined,
      methods: undefined,
    };
    const options = { instance: "acme.net", auth, retry, timeoutMs: undefined, fetch: undefined };
    expect(() => make(options)()).not.toThrow();
    const tokenUrl = { clientId: "c", clientSecret: "s", scopes: [], tokenUrl: undefined };
    expect(() => make({ instance: "acme.net", auth: tokenUrl })()).not.toThrow();
  });

  it("never echoes a credential found in a URL option", () => {
    const message = thrown(
      make({ baseUrl: `https://api:${PASSWORD}@sd.example.test/api/v1`, auth }),
    );
    expect(message).toBe("createServiceDeskClient: options.baseUrl must not contain credentials");
    expect(message).not.toContain(PASSWORD);
  });
});
