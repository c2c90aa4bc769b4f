// An upstream made for the drift tests: it serves the sandbox's answers through a transform
// that plants exactly one case of every drift kind, each on an operation of its own (three on
// GET /incident, at different paths). The expected findings are listed beside the transforms.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readAll, startUpstream, type TestUpstream } from "./proxy-helpers.js";

type Body = unknown;
interface Planted {
  path: string;
  kind: string;
  at: string;
}

/** A person's name the drifting upstream puts in an undocumented field: no report may show it. */
export const PLANTED_NAME = "Ximena Quartermaine";

/** What the transforms plant; nothing else may be reported. */
export const PLANTED: Planted[] = [
  { path: "/locations", kind: "undocumented-status", at: "$" },
  { path: "/groups", kind: "wrong-content-type", at: "$" },
  { path: "/companies", kind: "not-json", at: "$" },
  { path: "/sd.version", kind: "type-mismatch", at: "$.version" },
  { path: "/incident", kind: "missing-required", at: "$.title" },
  { path: "/incident", kind: "undocumented-field", at: "$.escalation_contact" },
  { path: "/incident", kind: "outside-enum", at: "$.priority_id" },
  { path: "/user", kind: "array-for-object", at: "$" },
  { path: "/incident.comment", kind: "object-for-array", at: "$" },
  { path: "/categories", kind: "null-not-nullable", at: "$[].name" },
];

interface Reshaped {
  status?: number;
  type?: string;
  raw?: string;
  body?: Body;
}

function reshape(path: string, body: Body): Reshaped | undefined {
  switch (path) {
    case "/locations":
      return { status: 404, body: { error: "Not found", status: 404 } };
    case "/groups":
      return { type: "text/plain; charset=utf-8", raw: JSON.stringify(body) };
    case "/companies":
      return { raw: "<html><body>Service unavailable</body></html>" };
    case "/sd.version":
      return { body: { version: 741 } };
    case "/incident": {
      const { title: _title, ...rest } = body as Record<string, unknown>;
      return { body: { ...rest, priority_id: 9, escalation_contact: PLANTED_NAME } };
    }
    case "/user":
      return { body: [body] };
    case "/incident.comment":
      return { body: Object.fromEntries((body as unknown[]).map((c, i) => [String(i), c])) };
    case "/categories":
      return { body: (body as Array<Record<string, unknown>>).map((c) => ({ ...c, name: null })) };
    default:
      return undefined;
  }
}

/** Forwards every request to `sandboxApi`, reshaping the answers of the operations above. */
export function startDriftingUpstream(sandboxApi: string): Promise<TestUpstream> {
  const sandbox = new URL(sandboxApi);
  return startUpstream((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await readAll(req);
      const url = new URL(req.url ?? "/", sandbox.origin);
      const answer = await fetch(url, {
        method: req.method ?? "GET",
        headers: Object.fromEntries(
          ["authorization", "content-type"].flatMap((name) =>
            req.headers[name] ? [[name, String(req.headers[name])]] : [],
          ),
        ),
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
      });
      const text = await answer.text();
      const path = url.pathname.replace(/^\/api\/v1/, "");
      const changed = answer.status === 200 ? reshape(path, JSON.parse(text) as Body) : undefined;
      const out =
        changed?.raw ?? (changed?.body === undefined ? text : JSON.stringify(changed.body));
      res.writeHead(changed?.status ?? answer.status, {
        "content-type": changed?.type ?? answer.headers.get("content-type") ?? "application/json",
      });
      res.end(out);
    })().catch(() => res.destroy());
  });
}
