// The control API over HTTP, under /__sandbox/ on the API's own port. Each route acts on the
// tenant of the credentials sent with it; bodies and answers are JSON, errors problem+json.
// The routes are described in control.openapi.yaml at the package's root.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendProblem } from "../spec/problem.js";
import { readBody } from "./read-body.js";
import { ControlError, type EngineControl, type FaultRequest } from "../spec/control.js";

export const CONTROL_BASE = "/__sandbox";

type Body = Record<string, unknown>;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (status === 204) {
    res.writeHead(204, { "content-length": "0" });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

async function readJson(req: IncomingMessage, limit: number): Promise<Body> {
  const raw = (await readBody(req, limit)).toString("utf8").trim();
  if (raw === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ControlError("The body is not valid JSON.");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ControlError("The body must be a JSON object.");
  }
  return parsed as Body;
}

interface Route {
  method: string;
  pattern: RegExp;
  run(context: {
    control: EngineControl;
    tenant: string;
    match: RegExpExecArray;
    body: () => Promise<Body>;
  }): Promise<[number, unknown]>;
}

const ROUTES: Route[] = [
  {
    method: "POST",
    pattern: /^\/reset$/,
    run: async ({ control, tenant }) => (control.reset(tenant), [204, undefined]),
  },
  {
    method: "GET",
    pattern: /^\/snapshots$/,
    run: async ({ control, tenant }) => [200, control.snapshots(tenant)],
  },
  {
    method: "PUT",
    pattern: /^\/snapshots\/([^/]+)$/,
    run: async ({ control, tenant, match }) => (
      control.snapshot(tenant, match[1]!),
      [204, undefined]
    ),
  },
  {
    method: "DELETE",
    pattern: /^\/snapshots\/([^/]+)$/,
    run: async ({ control, tenant, match }) => (
      control.dropSnapshot(tenant, match[1]!),
      [204, undefined]
    ),
  },
  {
    method: "POST",
    pattern: /^\/snapshots\/([^/]+)\/restore$/,
    run: async ({ control, tenant, match }) => (
      control.restore(tenant, match[1]!),
      [204, undefined]
    ),
  },
  {
    method: "GET",
    pattern: /^\/clock$/,
    run: async ({ control, tenant }) => [200, control.clock(tenant)],
  },
  {
    method: "PUT",
    pattern: /^\/clock$/,
    run: async ({ control, tenant, body }) => {
      const { now, frozen } = await body();
      return [200, control.setClock(tenant, now, frozen)];
    },
  },
  {
    method: "POST",
    pattern: /^\/clock\/advance$/,
    run: async ({ control, tenant, body }) => [
      200,
      control.advanceClock(tenant, (await body())["seconds"]),
    ],
  },
  {
    method: "GET",
    pattern: /^\/faults$/,
    run: async ({ control, tenant }) => [200, control.listFaults(tenant)],
  },
  {
    method: "POST",
    pattern: /^\/faults$/,
    run: async ({ control, tenant, body }) => [
      201,
      control.addFault(tenant, (await body()) as unknown as FaultRequest),
    ],
  },
  {
    method: "DELETE",
    pattern: /^\/faults$/,
    run: async ({ control, tenant }) => (control.clearFaults(tenant), [204, undefined]),
  },
  {
    method: "GET",
    pattern: /^\/journal$/,
    run: async ({ control, tenant }) => [200, control.journalOf(tenant)],
  },
  {
    method: "DELETE",
    pattern: /^\/journal$/,
    run: async ({ control, tenant }) => (control.clearJournal(tenant), [204, undefined]),
  },
];

/** Answers a request under /__sandbox/ (`path` is the part after it) for `tenant`. */
export async function answerControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  tenant: string,
  control: EngineControl,
  bodyLimit: number,
): Promise<void> {
  const matching = ROUTES.map((route) => ({ route, match: route.pattern.exec(path) })).filter(
    (found) => found.match !== null,
  );
  if (matching.length === 0) {
    sendProblem(res, {
      status: 404,
      title: "Unknown control route",
      detail: `The control API has no ${CONTROL_BASE}${path}; control.openapi.yaml of @sd-toolkit/mock lists its routes.`,
    });
    return;
  }
  const found = matching.find(({ route }) => route.method === req.method);
  if (!found) {
    const allow = matching.map(({ route }) => route.method).join(", ");
    sendProblem(res, {
      status: 405,
      title: "Method not allowed",
      detail: `${CONTROL_BASE}${path} takes ${allow}.`,
      headers: { allow },
    });
    return;
  }
  try {
    const [status, body] = await found.route.run({
      control,
      tenant,
      match: found.match!,
      body: () => readJson(req, bodyLimit),
    });
    sendJson(res, status, body);
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    sendProblem(res, {
      status: error.status,
      title: error.status === 404 ? "Not found" : "Invalid control request",
      detail: error.message,
    });
  }
}
