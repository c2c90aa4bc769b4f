// Pins the shape of the operations whose real answers differ from the manual, and proves that
// mistakes in paths, parameters and bodies are compile errors.
import { describe, expectTypeOf, it } from "vitest";
import type {
  FormBody,
  MultipartBody,
  OperationKey,
  paths,
  QueryParams,
  Request,
  RequestComment,
  RequestMap,
  SuccessBody,
} from "../src/index.js";

describe("GET /incident", () => {
  it("answers one request object, not the manual's array, or false for an unknown id", () => {
    expectTypeOf<SuccessBody<"/incident", "get">>().toEqualTypeOf<Request | false>();
    expectTypeOf<SuccessBody<"/incident", "get">>().not.toMatchTypeOf<unknown[]>();
    // `false` narrows away, leaving the request.
    expectTypeOf<Exclude<SuccessBody<"/incident", "get">, false>>().toEqualTypeOf<Request>();
  });

  it("requires the request id and types the flags as booleans", () => {
    expectTypeOf<QueryParams<"/incident", "get">>().toHaveProperty("id").toEqualTypeOf<number>();
    expectTypeOf<QueryParams<"/incident", "get">["comments"]>().toEqualTypeOf<
      boolean | undefined
    >();
    // @ts-expect-error -- the manual's parameter is `id`, not `request_id`
    const wrong: QueryParams<"/incident", "get"> = { request_id: 4211 };
    void wrong;
  });
});

describe("POST /incident", () => {
  type Body = FormBody<"/incident", "post">;
  type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

  it("requires exactly the manual's required fields", () => {
    expectTypeOf<RequiredKeys<Body>>().toEqualTypeOf<
      "title" | "type_id" | "priority_id" | "category_id" | "customer_id" | "creator_id"
    >();
  });

  it("restricts priority and type to the manual's enums", () => {
    expectTypeOf<Body["priority_id"]>().toEqualTypeOf<1 | 2 | 3 | 4 | 5>();
    expectTypeOf<Body["type_id"]>().toEqualTypeOf<1 | 2 | 3 | 4 | 5 | 6>();
  });

  it("rejects a body that misses a required field", () => {
    // @ts-expect-error -- creator_id is required
    const body: Body = {
      title: "t",
      type_id: 1,
      priority_id: 3,
      category_id: 37,
      customer_id: 1187,
    };
    void body;
  });
});

describe("POST /incident with files", () => {
  it("types the attachments of the multipart body as Blobs", () => {
    expectTypeOf<MultipartBody<"/incident", "post">["attachments"]>().toEqualTypeOf<
      Blob[] | undefined
    >();
  });
});

describe("GET /incidents", () => {
  it("answers an object keyed by request id", () => {
    expectTypeOf<SuccessBody<"/incidents", "get">>().toEqualTypeOf<RequestMap>();
    expectTypeOf<RequestMap[string]>().toEqualTypeOf<Request>();
  });

  it("takes the ids as an array of numbers", () => {
    expectTypeOf<QueryParams<"/incidents", "get">["ids"]>().toEqualTypeOf<number[]>();
  });
});

describe("GET /incident.comment", () => {
  it("answers an array of comments", () => {
    expectTypeOf<SuccessBody<"/incident.comment", "get">>().toEqualTypeOf<RequestComment[]>();
    expectTypeOf<RequestComment["message"]>().toEqualTypeOf<string | undefined>();
  });
});

describe("paths", () => {
  it("keeps the endpoint names verbatim, dots included", () => {
    expectTypeOf<paths>().toHaveProperty("/incident.approval.accept");
  });

  it("does not know a misspelled path", () => {
    // @ts-expect-error -- the endpoint is /incident, singular
    type _Missing = paths["/incidnet"];
    expectTypeOf<"/incident.comment" extends keyof paths ? true : false>().toEqualTypeOf<true>();
    expectTypeOf<"/incident.coment" extends keyof paths ? true : false>().toEqualTypeOf<false>();
  });
});

describe("exactOptionalPropertyTypes", () => {
  // This package's type tests compile with the flag on, as strict consumer projects do.
  it("lets optional body fields and query parameters be undefined, since the client drops them", () => {
    const maybe = undefined as number | undefined;
    const body: FormBody<"/incident", "put"> = { id: 4211, customer_id: maybe, title: undefined };
    const query: QueryParams<"/incident", "get"> = { id: 4211, comments: undefined };
    void [body, query];
    // @ts-expect-error -- required fields take no undefined
    const missing: FormBody<"/incident", "put"> = { id: maybe };
    void missing;
  });

  it("keeps the structure openapi-fetch reads: optional parameter groups and bodies", () => {
    expectTypeOf<paths["/incident"]["get"]["parameters"]["query"]>().not.toEqualTypeOf<undefined>();
    expectTypeOf<paths["/incident"]["get"]["requestBody"]>().toEqualTypeOf<undefined>();
  });
});

describe("OperationKey", () => {
  it("names every operation as METHOD /endpoint, and nothing else", () => {
    expectTypeOf<
      "GET /incident" | "POST /incident" | "PUT /incident.approval.accept"
    >().toExtend<OperationKey>();
    // @ts-expect-error -- misspelt endpoint
    const misspelt: OperationKey = "GET /incidnet";
    // @ts-expect-error -- /incident has no DELETE
    const noSuchMethod: OperationKey = "DELETE /incident";
    // @ts-expect-error -- methods are upper case
    const lower: OperationKey = "get /incident";
    void [misspelt, noSuchMethod, lower];
  });
});
