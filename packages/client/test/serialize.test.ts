import { describe, expect, it } from "vitest";
import { serializeBody } from "../src/serialize/body.js";
import { toWirePairs } from "../src/serialize/pairs.js";
import { serializeQuery } from "../src/serialize/query.js";
import { BASE, basicClient, decodedQuery, json, NEW_INCIDENT, scriptedFetch } from "./helpers.js";

describe("wire rules (one flattening for query, form and multipart)", () => {
  it("sends arrays as name[]=v, never bare repeats or commas", () => {
    expect(serializeQuery({ ids: [1, 2] })).toBe("ids%5B%5D=1&ids%5B%5D=2");
  });

  it("sends dictionaries as name[key]=v", () => {
    expect(decodeURIComponent(serializeQuery({ key_values: { color: "blue", size: "L" } }))).toBe(
      "key_values[color]=blue&key_values[size]=L",
    );
  });

  it("sends booleans as 1 and 0", () => {
    expect(serializeQuery({ comments: true, exact_match: false })).toBe("comments=1&exact_match=0");
  });

  it("drops unset values (undefined, null, empty arrays) at every depth", () => {
    expect(
      serializeQuery({
        a: undefined,
        b: null,
        c: [],
        d: { x: undefined },
        e: [null, 3],
        f: 0,
        g: "",
      }),
    ).toBe("e%5B%5D=3&f=0&g=");
  });

  it("indexes arrays of structures so that PHP keeps each item together", () => {
    expect(decodeURIComponent(serializeQuery({ items: [{ id: 1, tags: ["a"] }, { id: 2 }] }))).toBe(
      "items[0][id]=1&items[0][tags][]=a&items[1][id]=2",
    );
  });

  it("percent-encodes names and values (spaces as +, reserved characters escaped)", () => {
    expect(serializeQuery({ title: "a&b=c d/é", key_values: { "x y": "1" } })).toBe(
      "title=a%26b%3Dc+d%2F%C3%A9&key_values%5Bx+y%5D=1",
    );
  });

  it("keeps Blobs as values for multipart and detects them at any depth", () => {
    const file = new File(["hello"], "hello.txt", { type: "text/plain" });
    expect(toWirePairs({ attachments: [file], id: 1 })).toEqual([
      ["attachments[]", file],
      ["id", "1"],
    ]);
    expect(serializeQuery({})).toBe("");
  });
});

describe("@sd-toolkit/client/wire", () => {
  it("exports the client's own encoder, which the docs samples and the mock use", async () => {
    const wire = await import("@sd-toolkit/client/wire");
    expect(wire.toWirePairs({ ids: [1, 2], on: true })).toEqual([
      ["ids[]", "1"],
      ["ids[]", "2"],
      ["on", "1"],
    ]);
    expect(Object.keys(wire)).toEqual(["toWirePairs"]);
  });
});

describe("body encoding follows the description", () => {
  const FORM = "application/x-www-form-urlencoded;charset=UTF-8";
  /** The Content-Type fetch writes for a body. */
  const typeOf = (body: BodyInit) =>
    new Request(BASE, { method: "POST", body }).headers.get("content-type");

  it("is a form, with its Content-Type, for write operations that take forms", () => {
    const body = serializeBody("PUT", "/incident", { ids: [1, 2], reassignment: true });
    expect(body).toBeInstanceOf(URLSearchParams);
    expect(String(body)).toBe("ids%5B%5D=1&ids%5B%5D=2&reassignment=1");
    expect(typeOf(body)).toBe(FORM);
    // The description lists multipart first here, but it also takes forms: without a file, a form it is.
    expect(serializeBody("POST", "/kb.articles.attachments", { id: 1 })).toBeInstanceOf(
      URLSearchParams,
    );
  });

  it("is multipart as soon as a Blob or File is in the body, at any depth", () => {
    const body = serializeBody("POST", "/incident", { title: "T", attachments: [new Blob(["x"])] });
    expect(body).toBeInstanceOf(FormData);
    expect([...(body as FormData).keys()]).toEqual(["title", "attachments[]"]);
    expect(typeOf(body)).toMatch(/^multipart\/form-data; boundary=/);
    expect(serializeBody("PUT", "/incident", { a: { b: [1, new Blob(["x"])] } })).toBeInstanceOf(
      FormData,
    );
  });

  it("sends a ready FormData as it is", () => {
    const ready = new FormData();
    expect(serializeBody("POST", "/incident", ready)).toBe(ready);
  });
});

describe("through the client", () => {
  it("GET puts parameters in the query with the wire rules", async () => {
    const { fetch, requests } = scriptedFetch(json({ "4211": { id: 4211 } }));
    await basicClient(fetch).GET("/incidents", {
      params: { query: { ids: [4211, 4212], comments: true } },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe("GET");
    expect(requests[0]!.url).toBe(
      "https://sd.example.test/api/v1/incidents?ids%5B%5D=4211&ids%5B%5D=4212&comments=1",
    );
    expect(decodedQuery(requests[0]!)).toBe("ids[]=4211&ids[]=4212&comments=1");
    expect(requests[0]!.body).toBeNull();
  });

  it("PUT sends a form-encoded body with its Content-Type", async () => {
    const { fetch, requests } = scriptedFetch(json({ id: 4211 }));
    await basicClient(fetch).PUT("/incident", {
      body: { id: 4211, location_id: 3, reassignment: false },
    });
    const [request] = requests;
    expect(request!.url).toBe("https://sd.example.test/api/v1/incident");
    expect(request!.headers.get("content-type")).toBe(
      "application/x-www-form-urlencoded;charset=UTF-8",
    );
    expect(await request!.text()).toBe("id=4211&location_id=3&reassignment=0");
  });

  it("POST with a File sends multipart/form-data with a boundary and attachments[] parts", async () => {
    const { fetch, requests } = scriptedFetch(json({ status: "OK", request_id: 4300 }));
    const file = new File(["%PDF-1.7"], "invoice.pdf", { type: "application/pdf" });
    await basicClient(fetch).POST("/incident", {
      body: {
        title: "Printer",
        type_id: 1,
        priority_id: 2,
        category_id: 41,
        customer_id: 1190,
        creator_id: 1190,
        related_to: [4211],
        // Typed as the multipart body has it (Blob parts): no cast needed.
        attachments: [file],
      },
    });
    const [request] = requests;
    expect(request!.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const form = await request!.formData();
    expect(form.get("title")).toBe("Printer");
    expect(form.getAll("related_to[]")).toEqual(["4211"]);
    const sent = form.get("attachments[]") as File;
    expect(sent.name).toBe("invoice.pdf");
    expect(await sent.text()).toBe("%PDF-1.7");
  });

  it("POST without a file to the same operation stays form-encoded", async () => {
    const { fetch, requests } = scriptedFetch(json({ status: "OK", request_id: 4300 }));
    await basicClient(fetch).POST("/incident", { body: NEW_INCIDENT });
    expect(requests[0]!.headers.get("content-type")).toBe(
      "application/x-www-form-urlencoded;charset=UTF-8",
    );
    expect(await requests[0]!.text()).toBe(
      "title=VPN&type_id=2&priority_id=2&category_id=41&customer_id=1190&creator_id=1190",
    );
  });

  it("a write keeps query parameters next to its body, form or multipart", async () => {
    const { fetch, requests } = scriptedFetch(json({ status: "OK" }));
    const sd = basicClient(fetch);
    // The server reads parameters from the query on every method; the types do not list any for
    // writes, hence the casts.
    await sd.PUT("/incident", {
      params: { query: { date_format: "iso8601" } } as never,
      body: { id: 4211, reassignment: true },
    });
    await sd.POST("/kb.articles.attachments", {
      params: { query: { lang: "en" } } as never,
      body: { article_id: 310, author_id: 1042, attachments: [new Blob(["x"])] },
    });
    expect(requests.map(decodedQuery)).toEqual(["date_format=iso8601", "lang=en"]);
    expect(await requests[0]!.text()).toBe("id=4211&reassignment=1");
    const form = await requests[1]!.formData();
    expect([...form.keys()]).toEqual(["article_id", "author_id", "attachments[]"]);
  });

  it("DELETE puts its parameters in the query and sends no body", async () => {
    const { fetch, requests } = scriptedFetch(json({ status: "OK" }));
    await basicClient(fetch).DELETE("/kb.articles", { params: { query: { id: 310 } } });
    expect(requests[0]!.url).toBe("https://sd.example.test/api/v1/kb.articles?id=310");
    expect(requests[0]!.body).toBeNull();
    expect(requests[0]!.headers.get("content-type")).toBeNull();
  });
});
