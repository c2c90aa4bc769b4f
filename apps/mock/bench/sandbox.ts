// The sandbox against the examples mode, in one run: reads (GET /incident) and writes (POST
// /incident, committed to disk before each answer) through the same front, 10 connections,
// then the sandbox process's memory once 100 tenants have called. Targets: reads at least 0.8
// and writes at least 0.5 of the examples mode's throughput, sandbox p99 under 25 ms.
import autocannon, { type Result } from "autocannon";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFront, type BenchServer } from "./servers.js";

/**
 * Rounds per call, alternating the two servers, so a change in the machine's load mid-run (the
 * machine is shared) weighs on both sides alike instead of on whichever ran second.
 */
const ROUNDS = 4;
const ROUND_S = 3;
const WARMUP_S = 2;
const CONNECTIONS = 10;
export const TARGETS = { readRatio: 0.8, writeRatio: 0.5, p99Ms: 25 } as const;
const TENANTS = 100;

const auth = (user: string) => `Basic ${Buffer.from(`${user}:secret`).toString("base64")}`;

const READ = { method: "GET", path: "/api/v1/incident?id=4211" } as const;
const WRITE = {
  method: "POST",
  path: "/api/v1/incident",
  body: new URLSearchParams({
    title: "Benchmark request",
    description: "Written by npm run bench",
    type_id: "1",
    priority_id: "2",
    category_id: "37",
    customer_id: "1187",
    creator_id: "1187",
  }).toString(),
} as const;

type Call = { method: string; path: string; body?: string };

interface Measured {
  /** Mean requests per second over the rounds. */
  rps: number;
  p50: number;
  /** The median of the rounds' p99. */
  p99: number;
  failed: number;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Both servers on one call, in alternating rounds after a warm-up of each. */
async function compare(a: BenchServer, b: BenchServer, call: Call): Promise<[Measured, Measured]> {
  const rounds: [Result[], Result[]] = [[], []];
  await measure(a, call, WARMUP_S);
  await measure(b, call, WARMUP_S);
  for (let r = 0; r < ROUNDS; r++) {
    rounds[0].push(await measure(a, call, ROUND_S));
    rounds[1].push(await measure(b, call, ROUND_S));
  }
  const summary = (results: Result[]): Measured => ({
    rps: results.reduce((sum, r) => sum + r.requests.average, 0) / results.length,
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    failed: results.reduce((sum, r) => sum + failed(r), 0),
  });
  return [summary(rounds[0]), summary(rounds[1])];
}

async function measure(server: BenchServer, call: Call, duration: number): Promise<Result> {
  const headers: Record<string, string> = {
    authorization: auth("bench"),
    accept: "application/json",
    ...(call.body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
  };
  const url = server.root + call.path;
  const options = {
    url,
    method: call.method,
    headers,
    connections: CONNECTIONS,
    ...(call.body ? { body: call.body } : {}),
  };
  const check = await fetch(url, { method: call.method, headers, body: call.body ?? null });
  if (check.status !== 200) {
    throw new Error(
      `${server.name} answers ${check.status} to ${call.method} ${url}: ${await check.text()}`,
    );
  }
  return autocannon({ ...options, duration });
}

/** Resident memory of a process, from /proc (Linux); undefined elsewhere. */
function residentMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const failed = (r: Result) => r.non2xx + r.errors + r.timeouts;

function row(name: string, r: Measured): string {
  return [
    name.padEnd(20),
    r.rps.toFixed(0).padStart(9),
    r.p50.toFixed(1).padStart(9),
    r.p99.toFixed(1).padStart(9),
    String(r.failed).padStart(8),
  ].join("  ");
}

/** Runs the comparison, prints it, and says whether every target was met. */
export async function benchSandbox(specPath: string): Promise<boolean> {
  console.log(
    `\nSandbox (on disk) against examples: GET /incident and POST /incident, ${ROUNDS} alternating rounds of ${ROUND_S} s each after ${WARMUP_S} s, ${CONNECTIONS} connections (p99: median of the rounds).\n`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), "sd-bench-sandbox-"));
  const servers: BenchServer[] = [];
  try {
    const examples = await startFront(specPath, ["--mode", "examples"], "examples");
    servers.push(examples);
    const sandbox = await startFront(
      specPath,
      ["--mode", "sandbox", "--data-dir", dataDir],
      "sandbox",
    );
    servers.push(sandbox);
    const [examplesRead, sandboxRead] = await compare(examples, sandbox, READ);
    const [examplesWrite, sandboxWrite] = await compare(examples, sandbox, WRITE);
    const results = { examplesRead, sandboxRead, examplesWrite, sandboxWrite };
    console.log(
      [
        "call".padEnd(20),
        "req/s".padStart(9),
        "p50 ms".padStart(9),
        "p99 ms".padStart(9),
        "failed".padStart(8),
      ].join("  "),
    );
    console.log(row("examples  GET", results.examplesRead));
    console.log(row("sandbox   GET", results.sandboxRead));
    console.log(row("examples  POST", results.examplesWrite));
    console.log(row("sandbox   POST", results.sandboxWrite));

    const before = residentMb(sandbox.pid);
    for (let t = 0; t < TENANTS; t++) {
      const answer = await fetch(sandbox.root + READ.path, {
        headers: { authorization: auth(`tenant-${t}`) },
      });
      await answer.arrayBuffer();
    }
    const after = residentMb(sandbox.pid);

    const readRatio = sandboxRead.rps / examplesRead.rps;
    const writeRatio = sandboxWrite.rps / examplesWrite.rps;
    const p99 = Math.max(sandboxRead.p99, sandboxWrite.p99);
    const checks = [
      [
        `reads sandbox / examples: ${readRatio.toFixed(2)} (target >= ${TARGETS.readRatio})`,
        readRatio >= TARGETS.readRatio,
      ],
      [
        `writes sandbox / examples: ${writeRatio.toFixed(2)} (target >= ${TARGETS.writeRatio})`,
        writeRatio >= TARGETS.writeRatio,
      ],
      [`sandbox p99: ${p99} ms (target < ${TARGETS.p99Ms} ms)`, p99 < TARGETS.p99Ms],
      ["sandbox answered every call with 200", sandboxRead.failed + sandboxWrite.failed === 0],
    ] as const;
    console.log("");
    for (const [text, ok] of checks) console.log(`${text} ${ok ? "ok" : "MISSED"}`);
    if (before !== undefined && after !== undefined) {
      console.log(
        `sandbox memory: ${before.toFixed(0)} MB resident after the runs, ${after.toFixed(0)} MB after ${TENANTS} more tenants (${(((after - before) * 1024) / TENANTS).toFixed(0)} kB per tenant; at most 64 stay open)`,
      );
    }
    return checks.every(([, ok]) => ok);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
