// What the console puts on the wire and shows as curl and TypeScript, and how it signs in.
import { describe, expect, it } from "vitest";
import { basicAuthorization, requestToken, TokenError, tokenUrlFor } from "../src/console/auth.js";
import { curlFor, typescriptFor } from "../src/console/snippets.js";
import { wireRequest, type Call } from "../src/console/wire-request.js";

const base = "http://127.0.0.1:4010/api/v1";
const call = (overrides: Partial<Call>): Call => ({
  method: "GET",
  baseUrl: base,
  path: "/incidents",
  query: {},
  body: undefined,
  mediaType: undefined,
  ...overrides,
});

describe("wireRequest", () => {
  it("encodes the query with the client's PHP rules: ids[], key[k], booleans as 1/0", () => {
    const { url, body } = wireRequest(
      call({ query: { ids: [4211, 4212], key_values: { a: "x y" }, comments: true } }),
    );
    expect(url).toBe(
      `${base}/incidents?ids%5B%5D=4211&ids%5B%5D=4212&key_values%5Ba%5D=x+y&comments=1`,
    );
    expect(body).toBeUndefined();
  });

  it("sends a form body, or multipart when a file travels", () => {
    const form = wireRequest(
      call({
        method: "POST",
        path: "/incident",
        body: { title: "t", is_solution: false },
        mediaType: "application/x-www-form-urlencoded",
      }),
    );
    expect(form.body).toBeInstanceOf(URLSearchParams);
    expect(String(form.body)).toBe("title=t&is_solution=0");
    const file = new File(["bytes"], "boot-screen.jpg", { type: "image/jpeg" });
    const multipart = wireRequest(
      call({
        method: "POST",
        body: { request_id: 4211, attachments: [file] },
        mediaType: "multipart/form-data",
      }),
    );
    expect(multipart.body).toBeInstanceOf(FormData);
    const parts = [...(multipart.body as FormData).entries()];
    expect(parts.map(([name]) => name)).toEqual(["request_id", "attachments[]"]);
    expect((parts[1]?.[1] as File).name).toBe("boot-screen.jpg");
  });
});

describe("snippets", () => {
  it("writes a read as curl with --get pairs and Basic credentials from the environment", () => {
    expect(curlFor({ call: call({ query: { ids: [1, 2] } }), auth: "basic", scopes: [] })).toBe(
      `curl --get '${base}/incidents' \\\n  -u "$SD_USER:$SD_PASSWORD" \\\n  --data-urlencode 'ids[]=1' \\\n  --data-urlencode 'ids[]=2'\n`,
    );
  });

  it("writes an upload as curl -F parts, and a token as a bearer header", () => {
    const file = new File(["b"], "boot-screen.jpg");
    const text = curlFor({
      call: call({
        method: "POST",
        path: "/incident.comment",
        body: { comment: "hi", attachments: [file] },
        mediaType: "multipart/form-data",
      }),
      auth: "oauth",
      scopes: ["api.v1.incident.comment:post"],
    });
    expect(text).toContain(`curl '${base}/incident.comment'`);
    expect(text).toContain('-H "Authorization: Bearer $SD_TOKEN"');
    expect(text).toContain("--form-string 'comment=hi'");
    expect(text).toContain("-F 'attachments[]=@boot-screen.jpg'");
  });

  it("writes TypeScript with the client, the base URL, the scopes and no secret", () => {
    const text = typescriptFor({
      call: call({ path: "/incident", query: { id: 4211 } }),
      auth: "oauth",
      scopes: ["api.v1.incident:get"],
    });
    expect(text).toContain(`baseUrl: "${base}",`);
    expect(text).toContain("clientSecret: process.env.SD_CLIENT_SECRET!,");
    expect(text).toContain('scopes: ["api.v1.incident:get"],');
    expect(text).toContain('await sd.GET("/incident", { params: { query: { id: 4211 } } });');
  });
});

describe("credentials", () => {
  it("builds Basic credentials in UTF-8 and refuses a colon in the user name", () => {
    expect(basicAuthorization("demo", "demo")).toBe("Basic ZGVtbzpkZW1v");
    expect(basicAuthorization("jürgen", "pässword")).toBe(
      `Basic ${Buffer.from("jürgen:pässword").toString("base64")}`,
    );
    expect(() => basicAuthorization("C:\\tenant", "x")).toThrow(/cannot hold a colon/);
  });

  it("finds the token endpoint next to /api/v1", () => {
    expect(tokenUrlFor(base)).toBe("http://127.0.0.1:4010/oauth/v2.0/access_token");
    expect(tokenUrlFor("https://proxy.example/sd/api/v1/")).toBe(
      "https://proxy.example/sd/oauth/v2.0/access_token",
    );
  });

  it("asks for the operation's scope and names the refusal", async () => {
    const asked: string[] = [];
    const fetchToken = (async (_url: string, init: RequestInit) => {
      asked.push(String(init.body));
      return new Response(
        JSON.stringify({ error: "invalid_scope", error_description: "no such scope" }),
        { status: 400 },
      );
    }) as typeof fetch;
    await expect(
      requestToken({
        tokenUrl: "http://t",
        clientId: "c",
        clientSecret: "s",
        scopes: ["api.v1.incident:get"],
        fetch: fetchToken,
      }),
    ).rejects.toThrow(
      new TokenError(
        "The token endpoint refused the client credentials (HTTP 400, invalid_scope: no such scope).",
      ),
    );
    expect(asked).toEqual([
      "grant_type=client_credentials&client_id=c&client_secret=s&scope=api.v1.incident%3Aget",
    ]);
  });
});
