// The validation proxy's own cost, in one run: GET /incident answered by the sandbox directly,
// and through the proxy in front of that same sandbox (forwarding, the upstream hop and the
// drift check). One call at a time, timed to the microsecond (autocannon rounds latencies to
// whole milliseconds, too coarse for a cost of about one), so the latencies are per call and
// not queueing; rounds
// alternate the two targets so a change in the shared machine's load weighs on both. Target:
// the proxy adds at most 2 ms at p50. The proxy's rate caps are lifted for the run.
import { Agent, request } from "node:http";
import { startFront, type BenchServer } from "./servers.js";

const ROUNDS = 3;
/** Calls per round, one after the other on one kept-alive connection. */
const CALLS = 1500;
const WARMUP_CALLS = 500;
export const PROXY_TARGET_P50_MS = 2;
const PATH = "/api/v1/incident?id=4211";
const headers = {
  authorization: `Basic ${Buffer.from("bench:secret").toString("base64")}`,
  accept: "application/json",
};

interface Round {
  /** Per-call latencies in milliseconds, sorted. */
  latencies: number[];
  failed: number;
}

function once(agent: Agent, url: URL): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

async function measure(server: BenchServer, calls: number): Promise<Round> {
  const url = new URL(server.root + PATH);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let failed = 0;
  try {
    for (let i = 0; i < calls; i++) {
      const start = performance.now();
      const status = await once(agent, url);
      latencies.push(performance.now() - start);
      if (status !== 200) failed += 1;
    }
  } finally {
    agent.destroy();
  }
  if (failed === calls) throw new Error(`${server.name} failed every call to ${url.href}`);
  return { latencies: latencies.sort((a, b) => a - b), failed };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchProxy(specPath: string): Promise<boolean> {
  const servers: BenchServer[] = [];
  try {
    const sandbox = await startFront(specPath, ["--mode", "sandbox", "--memory"], "sandbox");
    servers.push(sandbox);
    const proxy = await startFront(
      specPath,
      [
        "--upstream",
        `${sandbox.root}/api/v1`,
        "--upstream-rps",
        "1000000",
        "--upstream-concurrency",
        "64",
      ],
      "proxy",
    );
    servers.push(proxy);
    await measure(sandbox, WARMUP_CALLS);
    await measure(proxy, WARMUP_CALLS);
    const direct: Round[] = [];
    const through: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      direct.push(await measure(sandbox, CALLS));
      through.push(await measure(proxy, CALLS));
    }
    // The median over the rounds of each round's percentile.
    const p50 = (rs: Round[]) => median(rs.map((r) => percentile(r.latencies, 50)));
    const p99 = (rs: Round[]) => median(rs.map((r) => percentile(r.latencies, 99)));
    const rps = (rs: Round[]) =>
      (1000 * rs.length * CALLS) /
      rs.reduce((sum, r) => sum + r.latencies.reduce((a, b) => a + b, 0), 0);
    const failed = (rs: Round[]) => rs.reduce((sum, r) => sum + r.failed, 0);
    console.log(
      `\nProxy: GET ${PATH}, ${ROUNDS} alternating rounds of ${CALLS} calls, one at a time`,
    );
    console.log(["target".padEnd(18), "req/s", "p50 ms", "p99 ms", "failed"].join("  "));
    for (const [name, rs] of [
      ["sandbox directly", direct],
      ["through the proxy", through],
    ] as const) {
      console.log(
        [
          name.padEnd(18),
          rps(rs).toFixed(0).padStart(5),
          p50(rs).toFixed(2).padStart(6),
          p99(rs).toFixed(2).padStart(6),
          String(failed(rs)).padStart(6),
        ].join("  "),
      );
    }
    const cost = p50(through) - p50(direct);
    const ok = cost <= PROXY_TARGET_P50_MS && failed(through) === 0;
    console.log(
      `proxy's own cost at p50: ${cost.toFixed(2)} ms (target <= ${PROXY_TARGET_P50_MS} ms) ${ok ? "ok" : "MISSED"}; at p99: ${(p99(through) - p99(direct)).toFixed(2)} ms; throughput ratio ${(rps(through) / rps(direct)).toFixed(2)}`,
    );
    return ok;
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
