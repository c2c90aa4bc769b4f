// Test doubles: an injected `fetch` that records every request and plays back scripted
// answers. No test touches the network.
import { readFileSync } from "node:fs";
import { vi } from "vitest";
import { createServiceDeskClient, type ServiceDeskClientOptions } from "../src/index.js";

/** The User-Agent the client sends: the package's name and its version from package.json. */
export const USER_AGENT = `sd-toolkit-client/${
  (
    JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    }
  ).version
}`;

export const BASE = "https://sd.example.test/api/v1";
export const PASSWORD = "pa55-w0rd-SECRET";

/** The required fields of POST /incident, from the fictional data set. */
export const NEW_INCIDENT = {
  title: "VPN",
  type_id: 2,
  priority_id: 2,
  category_id: 41,
  customer_id: 1190,
  creator_id: 1190,
} as const;

type Answer = Response | Error | ((request: Request) => Response | Promise<Response>);

/**
 * The one Request a real fetch makes of what the client passes: a URL and an init (openapi-fetch
 * built a RequestRecord), or a Request and an init (middleware saw it). The init's signal ends
 * the attempt, so the Request's signal follows it, as in fetch.
 */
export const asRequest = (input: string | Request, init?: RequestInit) => new Request(input, init);

/** JSON answer with status 200 unless told otherwise. */
export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { "Content-Type": "application/json", ...(init.headers as Record<string, string>) },
  });
}

/**
 * A fetch that answers with `answers` in order (the last one repeats) and records the
 * requests it received. Functions are called with the request; Errors are thrown.
 */
export function scriptedFetch(...answers: Answer[]) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: string | Request, init?: RequestInit): Promise<Response> => {
    const request = asRequest(input, init);
    requests.push(request);
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (answer instanceof Error) throw answer;
    if (typeof answer === "function") return answer(request);
    return answer.clone();
  });
  return { fetch, requests };
}

/** A fetch that never answers but rejects as soon as the request's signal aborts, like fetch does. */
export function hangingFetch() {
  const requests: Request[] = [];
  const fetch = vi.fn(
    (input: string | Request, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        const request = asRequest(input, init);
        requests.push(request);
        if (request.signal.aborted) reject(request.signal.reason);
        request.signal.addEventListener("abort", () => reject(request.signal.reason));
      }),
  );
  return { fetch, requests };
}

export function basicClient(
  fetch: ServiceDeskClientOptions["fetch"],
  options: Partial<ServiceDeskClientOptions> = {},
) {
  return createServiceDeskClient({
    baseUrl: BASE,
    auth: { username: "api", password: PASSWORD },
    fetch,
    ...options,
  });
}

/** The query string of a request, decoded, for readable assertions. */
export function decodedQuery(request: Request): string {
  return decodeURIComponent(new URL(request.url).search.slice(1));
}
