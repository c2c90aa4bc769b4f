// `npm run bench`: requests per second and p99 latency of one GET, through the mock (our front
// in front of Prism) and through Prism alone, 10 s each with autocannon, then their ratio.
// Targets: the front keeps at least 0.8 of Prism's throughput, and its p99 is at most 20 ms.
// Then the sandbox against the examples mode (sandbox.ts), and the validation proxy against the
// sandbox it fronts (proxy.ts). `--check` turns a missed target
// into a failing exit code.
import autocannon, { type Result } from "autocannon";
import { readConfig } from "../src/front/config.js";
import { loadDescription, type Json } from "../src/spec/description.js";
import { exampleParameters, wireQuery } from "../src/front/example-request.js";
import { indexOperations, type Operation } from "../src/spec/operations.js";
import { benchProxy } from "./proxy.js";
import { benchSandbox } from "./sandbox.js";
import { startFront, startPrismAlone, type BenchServer } from "./servers.js";

const DURATION_S = 10;
const WARMUP_S = 2;
const CONNECTIONS = 10;
const MIN_RATIO = 0.8;
const MAX_P99_MS = 20;

const scalar = (value: Json) => typeof value === "number" || typeof value === "string";

/**
 * A GET that both servers read the same way: its example parameters are plain numbers and
 * strings, since Prism alone does not read PHP's arrays or 1/0 booleans.
 */
function pickOperation(operations: readonly Operation[]): { operation: Operation; query: string } {
  const candidates = operations.filter(
    (op) => op.method === "get" && Object.values(exampleParameters(op)).every(scalar),
  );
  const operation =
    candidates.find((op) => op.parameters.some((p) => p.required)) ??
    candidates[0] ??
    operations[0];
  if (!operation) throw new Error("The description has no operations to measure.");
  return { operation, query: wireQuery(exampleParameters(operation)) };
}

const headers = {
  authorization: `Basic ${Buffer.from("api-integration:secret").toString("base64")}`,
  accept: "application/json",
};

async function measure(server: BenchServer, url: string): Promise<Result> {
  const check = await fetch(url, { headers });
  if (check.status !== 200) {
    throw new Error(`${server.name} answers ${check.status} to ${url}: ${await check.text()}`);
  }
  await autocannon({ url, headers, connections: CONNECTIONS, duration: WARMUP_S });
  return autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION_S });
}

function row(name: string, r: Result): string {
  return [
    name.padEnd(14),
    r.requests.average.toFixed(0).padStart(9),
    r.latency.p50.toFixed(1).padStart(9),
    r.latency.p99.toFixed(1).padStart(9),
    String(r.non2xx + r.errors + r.timeouts).padStart(8),
  ].join("  ");
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const { specPath } = readConfig([], process.env);
  const { operation, query } = pickOperation(
    indexOperations(await loadDescription(specPath)).operations,
  );
  const target = `/api/v1${operation.path}${query ? `?${query}` : ""}`;
  const prismTarget = `${operation.path}${query ? `?${query}` : ""}`;
  console.log(`Benchmark: GET ${target}`);
  console.log(
    `${DURATION_S} s per server after a ${WARMUP_S} s warm-up, ${CONNECTIONS} connections, loopback.\n`,
  );

  const servers: BenchServer[] = [];
  const stopAll = () => Promise.all(servers.map((s) => s.stop()));
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
  try {
    const front = await startFront(specPath);
    servers.push(front);
    const prism = await startPrismAlone(specPath);
    servers.push(prism);
    // One server measured at a time, so they never compete for the CPU.
    const frontResult = await measure(front, front.root + target);
    const prismResult = await measure(prism, prism.root + prismTarget);

    console.log(
      [
        "server".padEnd(14),
        "req/s".padStart(9),
        "p50 ms".padStart(9),
        "p99 ms".padStart(9),
        "failed".padStart(8),
      ].join("  "),
    );
    console.log(row(front.name, frontResult));
    console.log(row(prism.name, prismResult));
    const ratio = frontResult.requests.average / prismResult.requests.average;
    const ratioOk = ratio >= MIN_RATIO;
    const p99Ok = frontResult.latency.p99 <= MAX_P99_MS;
    const clean = frontResult.non2xx + frontResult.errors + frontResult.timeouts === 0;
    console.log(
      `\nthroughput ratio front / Prism: ${ratio.toFixed(2)} (target >= ${MIN_RATIO}) ${ratioOk ? "ok" : "MISSED"}`,
    );
    console.log(
      `front p99: ${frontResult.latency.p99} ms (target <= ${MAX_P99_MS} ms) ${p99Ok ? "ok" : "MISSED"}`,
    );
    if (!clean)
      console.log("the front answered some requests with an error: see the failed column");
    await stopAll();
    const sandboxOk = await benchSandbox(specPath);
    const proxyOk = await benchProxy(specPath);
    if (check && !(ratioOk && p99Ok && clean && sandboxOk && proxyOk)) process.exitCode = 1;
  } finally {
    await stopAll();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
