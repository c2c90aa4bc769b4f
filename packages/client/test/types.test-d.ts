// Type tests: the client is typed from the description, so wrong paths, parameters and bodies
// must not compile. Each `@ts-expect-error` fails the run if the line below it compiles.
import type { Middleware as FetchMiddleware } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import {
  createServiceDeskClient,
  scopesFor,
  type CallInit,
  type components,
  type NoBodyUseParamsQuery,
  type Operation,
  type OperationKey,
  type PagedPath,
  type PageItem,
  type RequestEvent,
  type ServiceDeskAuthError,
  type ServiceDeskError,
  type ServiceDeskRateLimitError,
  type ServiceDeskRefusedError,
} from "../src/index.js";
import { NEW_INCIDENT } from "./helpers.js";

type Schemas = components["schemas"];
const sd = createServiceDeskClient({
  instance: "acme.sd.cloud.invgate.net",
  auth: { username: "api", password: "x" },
});

describe("typed calls over every path of the description", () => {
  it("types parameters and answers of GET /incident", () => {
    const result = sd.GET("/incident", {
      params: { query: { id: 4211, comments: true, date_format: "iso8601" } },
    });
    expectTypeOf(result)
      .resolves.toHaveProperty("data")
      .toEqualTypeOf<Schemas["Request"] | false | undefined>();
    expectTypeOf(result).resolves.toHaveProperty("response").toEqualTypeOf<Response>();
  });

  it("types error as the error answers' body", () => {
    expectTypeOf(sd.GET("/incident", { params: { query: { id: 1 } } }))
      .resolves.toHaveProperty("error")
      .toEqualTypeOf<Schemas["ErrorBody"] | undefined>();
  });

  it("takes middleware typed with openapi-fetch's own Middleware type", () => {
    const logger: FetchMiddleware = {
      onRequest({ request }) {
        void request.url;
      },
    };
    sd.use(logger);
    sd.eject(logger);
    void sd.GET("/sd.version", { middleware: [logger] });
  });

  it("names the mistake when a query goes to a write or a body to a read", () => {
    // The errors read "'id' does not exist in type 'NoBodyUseParamsQuery'" and "... 'NoQueryUseBody'".
    // @ts-expect-error -- a GET takes no body
    void sd.GET("/incident", { params: { query: { id: 1 } }, body: { id: 1 } });
    // @ts-expect-error -- PUT /incident takes its fields in the body
    void sd.PUT("/incident", { params: { query: { id: 1 } }, body: { id: 1 } });
    expectTypeOf<CallInit<"/incident", "get">["body"]>().toEqualTypeOf<
      NoBodyUseParamsQuery | undefined
    >();
  });

  it("refuses unknown paths and methods a path does not have", () => {
    // @ts-expect-error -- no such endpoint
    void sd.GET("/incidentz");
    // @ts-expect-error -- /incident.approval.accept is PUT only
    void sd.GET("/incident.approval.accept", { body: { approval_id: 1, user_id: 2 } });
    // @ts-expect-error -- no DELETE on /incident
    void sd.DELETE("/incident", { params: { query: { id: 1 } } });
  });

  it("refuses missing, misspelt and mistyped parameters", () => {
    // @ts-expect-error -- id is required
    void sd.GET("/incident");
    // @ts-expect-error -- id is required
    void sd.GET("/incident", { params: { query: {} } });
    // @ts-expect-error -- id is an integer
    void sd.GET("/incident", { params: { query: { id: "4211" } } });
    // @ts-expect-error -- ids is an array
    void sd.GET("/incidents", { params: { query: { ids: 4211 } } });
    // @ts-expect-error -- date_format is an enum
    void sd.GET("/incident", { params: { query: { id: 4211, date_format: "unix" } } });
    void sd.GET("/incidents", { params: { query: { ids: [4211, 4212] } } });
  });

  it("refuses wrong bodies", () => {
    // @ts-expect-error -- PUT /incident needs a body
    void sd.PUT("/incident");
    // @ts-expect-error -- id is required
    void sd.PUT("/incident", { body: { title: "New title" } });
    // @ts-expect-error -- priority_id is 1 to 5
    void sd.PUT("/incident", { body: { id: 4211, priority_id: 9 } });
    // @ts-expect-error -- GET takes no body
    void sd.GET("/sd.version", { body: { id: 1 } });
    void sd.PUT("/incident", { body: { id: 4211, priority_id: 3, reassignment: true } });
    void sd.POST("/incident", { body: NEW_INCIDENT });
  });
});

describe("typos next to valid keys", () => {
  // openapi-fetch's own methods accept these (its options are inferred generically, with an
  // index signature); the client's methods have fixed option types, so each is refused.
  it("refuses an unknown query parameter", () => {
    // @ts-expect-error -- `coments` is not a parameter of GET /incident
    void sd.GET("/incident", { params: { query: { id: 4211, coments: true } } });
    // @ts-expect-error -- `user` is not a parameter of DELETE /companies.users
    void sd.DELETE("/companies.users", { params: { query: { id: 8, users: [1], user: 1 } } });
    // @ts-expect-error -- `maxitems` is neither a parameter nor a paging option
    void sd.paginate("/users.by", { params: { query: { email: "a" } }, maxitems: 5 });
  });

  it("refuses path, header and cookie parameters where the operation has none", () => {
    // @ts-expect-error -- GET /incident has no path parameters
    void sd.GET("/incident", { params: { query: { id: 4211 }, path: { id: 4211 } } });
    // @ts-expect-error -- parameters go in `params`, not at the top
    void sd.GET("/incident", { params: { query: { id: 4211 } }, query: { id: 4211 } });
  });

  it("refuses an unknown body field", () => {
    // @ts-expect-error -- `priorty_id` is not a field of PUT /incident
    void sd.PUT("/incident", { body: { id: 4211, priorty_id: 3 } });
    // @ts-expect-error -- `descripton` is not a field of POST /incident
    void sd.POST("/incident", { body: { ...NEW_INCIDENT, descripton: "typo" } });
  });

  it("refuses unknown and mistyped call options", () => {
    // @ts-expect-error -- timeoutMs is a number or false
    void sd.GET("/incident", { params: { query: { id: 4211 } }, timeoutMs: "soon" });
    // @ts-expect-error -- only `retry: false` exists per call
    void sd.GET("/incident", { params: { query: { id: 4211 } }, retry: { attempts: 9 } });
    // @ts-expect-error -- `timeout` is not an option (timeoutMs is)
    void sd.GET("/incident", { params: { query: { id: 4211 } }, timeout: 1000 });
    // @ts-expect-error -- the client owns the transport: no per-call fetch
    void sd.GET("/sd.version", { fetch: (request: Request) => fetch(request) });
    void sd.GET("/incident", {
      params: { query: { id: 4211 } },
      timeoutMs: 5000,
      retry: false,
      headers: { "X-Trace": "1" },
      signal: AbortSignal.timeout(1000),
    });
  });

  it("keeps openapi-fetch's results, parseAs included", () => {
    expectTypeOf(sd.GET("/sd.version", { parseAs: "text" }))
      .resolves.toHaveProperty("data")
      .toEqualTypeOf<string | undefined>();
    expectTypeOf(sd.PUT("/incident", { body: { id: 4211, priority_id: 3 } }))
      .resolves.toHaveProperty("response")
      .toEqualTypeOf<Response>();
  });
});

describe("helpers", () => {
  it("unwrap resolves to the success type, null for the described `false` of an unknown id", () => {
    expectTypeOf(
      sd.unwrap(sd.GET("/incident", { params: { query: { id: 1 } } })),
    ).resolves.toEqualTypeOf<Schemas["Request"] | null>();
  });

  it("unwrap answers null, not false, for a record the server does not have", async () => {
    // GET /user is described as `User | false`; every one-record read described that way follows.
    const user = await sd.unwrap(sd.GET("/user", { params: { query: { id: 999 } } }));
    expectTypeOf(user).toEqualTypeOf<Schemas["User"] | null>();
    if (user === null) return;
    expectTypeOf(user).toEqualTypeOf<Schemas["User"]>();
    // @ts-expect-error -- false never comes out of unwrap: it became null
    if (user === false) return;
  });

  it("unwrap of a write narrows the status envelope to OK (a refusal is thrown)", async () => {
    const done = await sd.unwrap(sd.PUT("/user.enable", { body: { id: 1187 } }));
    expectTypeOf(done.status).toEqualTypeOf<"OK">();
    // @ts-expect-error -- an ERROR status is thrown as ServiceDeskRefusedError, never returned
    if (done.status === "ERROR") return;
    const note = await sd.unwrap(
      sd.DELETE("/internalnotes", { params: { query: { id: 1, author_id: 2 } } }),
    );
    expectTypeOf(note).toHaveProperty("Status").toEqualTypeOf<"OK">();
  });

  it("paginate accepts paged endpoints only and yields their item type", () => {
    expectTypeOf<"/users.by" | "/incidents.by.status" | "/kb.articles">().toExtend<PagedPath>();
    expectTypeOf<PageItem<"/users.by">>().toExtend<Schemas["User"]>();
    expectTypeOf<PageItem<"/incidents.by.status">>().toEqualTypeOf<number>();
    expectTypeOf(sd.paginate("/users.by")).toEqualTypeOf<
      AsyncGenerator<PageItem<"/users.by">, void, undefined>
    >();
    // @ts-expect-error -- /incident is not paged
    void sd.paginate("/incident");
    // @ts-expect-error -- view_id is required
    void sd.paginate("/incidents.details.by.view");
    // @ts-expect-error -- maxItems is a number
    void sd.paginate("/users.by", { maxItems: "10" });
    void sd.paginate("/incidents.details.by.view", {
      params: { query: { view_id: 3 } },
      maxItems: 100,
    });
  });

  it("scopesFor accepts only operations of the description", () => {
    expectTypeOf<
      "GET /incident" | "PUT /incident.approval.accept" | "PATCH /incident.custom_field"
    >().toExtend<Operation>();
    expectTypeOf(scopesFor(["GET /incident"])).toEqualTypeOf<string[]>();
    // @ts-expect-error -- no GET on /incident.approval.accept
    scopesFor(["GET /incident.approval.accept"]);
    // @ts-expect-error -- methods are upper case
    scopesFor(["get /incident"]);
    // @ts-expect-error -- misspelt endpoint
    scopesFor(["GET /incidnet"]);
    expectTypeOf<Operation>().toEqualTypeOf<OperationKey>();
  });

  it("error subclasses are ServiceDeskErrors", () => {
    expectTypeOf<ServiceDeskRefusedError>().toExtend<ServiceDeskError>();
    expectTypeOf<ServiceDeskAuthError>().toExtend<ServiceDeskError>();
    expectTypeOf<ServiceDeskRateLimitError>().toExtend<ServiceDeskError>();
    expectTypeOf<ServiceDeskRateLimitError["retryAfter"]>().toEqualTypeOf<number | undefined>();
  });

  it("ServiceDeskError exposes typed details", () => {
    expectTypeOf<ServiceDeskError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<ServiceDeskError["retryAfter"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ServiceDeskError>().toExtend<Error>();
  });

  it("takes undefined wherever the client drops it (exactOptionalPropertyTypes is on here)", () => {
    const maybe = 3 as number | undefined;
    const hook = undefined as ((event: RequestEvent) => void) | undefined;
    createServiceDeskClient({
      instance: "acme.sd.cloud.invgate.net",
      baseUrl: undefined,
      auth: { username: "api", password: "x" },
      timeoutMs: maybe,
      retry: { attempts: maybe, methods: undefined },
      onRequest: hook,
      onResponse: undefined,
      headers: undefined,
      fetch: undefined,
    });
    const priority = 3 as 3 | undefined;
    void sd.PUT("/incident", {
      body: { id: 4211, priority_id: priority, reassignment: undefined, customer_id: maybe },
    });
    void sd.GET("/incident", {
      params: { query: { id: 4211, comments: undefined } },
      timeoutMs: maybe,
      signal: undefined,
      retry: undefined,
    });
    void sd.paginate("/users.by", { maxItems: maybe });
    // @ts-expect-error -- a required field stays required: undefined is no id
    void sd.PUT("/incident", { body: { id: maybe } });
    // @ts-expect-error -- a required parameter too
    void sd.GET("/incident", { params: { query: { id: maybe } } });
  });

  it("retry.methods takes HTTP methods only, in either case", () => {
    const auth = { username: "api", password: "x" };
    createServiceDeskClient({ instance: "a.example", auth, retry: { methods: ["GET", "put"] } });
    // @ts-expect-error -- not an HTTP method the client sends
    createServiceDeskClient({ instance: "a.example", auth, retry: { methods: ["FETCH"] } });
    // @ts-expect-error -- mixed case is not a method name
    createServiceDeskClient({ instance: "a.example", auth, retry: { methods: ["Get"] } });
  });

  it("construction options are checked", () => {
    // @ts-expect-error -- auth is required
    createServiceDeskClient({ instance: "acme.sd.cloud.invgate.net" });
    const withoutScopes = { clientId: "c", clientSecret: "s" };
    // @ts-expect-error -- OAuth needs scopes
    createServiceDeskClient({ instance: "acme.sd.cloud.invgate.net", auth: withoutScopes });
  });
});
