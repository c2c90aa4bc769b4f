// `npm run bench` (second part): the sandbox under a hostile client. One tenant sends the mix
// of the security review for 20 s (articles of 65,535 `<` and searches over them, clock values
// of 80,000 `T`, rejected 8 MB posts that the journal records, a token loop, snapshots past
// the cap, new tenants past --max-tenants) while another tenant's reads are timed. Prints that
// tenant's p99 idle and under the attack, their ratio, and the server's peak RSS. Loopback
// only, every loop bounded by the deadline; the server runs in its own process.
import { readFileSync } from "node:fs";
import { readConfig } from "../src/front/config.js";
import { startFront } from "./servers.js";

const ATTACK_S = 20;
const IDLE_READS = 300;
const ATTACKERS = 4;

const basic = (user: string) => `Basic ${Buffer.from(`${user}:secret`).toString("base64")}`;

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? NaN;
}

/** The process's peak resident memory so far (Linux), in MB. */
function peakRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

async function timedRead(api: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${api}/incident?id=1`, {
    headers: { authorization: basic("victim") },
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`the victim's read answered ${response.status}`);
  return performance.now() - started;
}

/** One step of the hostile mix, chosen by `i`; answers are read and dropped. */
async function hostileStep(root: string, i: number): Promise<void> {
  const api = `${root}/api/v1`;
  const auth = { authorization: basic("attacker") };
  const json = { ...auth, "content-type": "application/json" };
  const send = async (url: string, init: RequestInit) => {
    const response = await fetch(url, init);
    await response.arrayBuffer();
  };
  switch (i % 7) {
    case 0: {
      const form = new FormData();
      form.set("title", `Hostile ${i}`);
      form.set("description", "bench");
      form.set("content", "<".repeat(65_535));
      form.set("category_id", "14");
      form.set("author_id", "1042");
      form.set("attachments[]", new File(["x"], "x.txt"));
      return send(`${api}/kb.articles`, { method: "POST", headers: auth, body: form });
    }
    case 1:
      return send(`${api}/kb.articles.by.keywords?keywords=hostile+bench+lighthouse`, {
        headers: auth,
      });
    case 2:
      return send(`${root}/__sandbox/clock`, {
        method: "PUT",
        headers: json,
        body: JSON.stringify({ now: "T".repeat(80_000) }),
      });
    case 3:
      return send(`${api}/incident`, {
        method: "POST",
        headers: json,
        body: JSON.stringify({ title: "t".repeat(8 * 1024 * 1024) }),
      });
    case 4:
      return send(`${root}/oauth/v2.0/access_token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: "attacker",
          client_secret: "s",
          scope: "api.v1.incident:get",
        }),
      });
    case 5:
      return send(`${root}/__sandbox/snapshots/s${i % 40}`, { method: "PUT", headers: auth });
    default:
      return send(`${api}/incident?id=1`, { headers: { authorization: basic(`tenant-${i}`) } });
  }
}

async function main(): Promise<void> {
  const { specPath } = readConfig([], process.env);
  const server = await startFront(
    specPath,
    ["--mode", "sandbox", "--memory", "--max-tenants", "200"],
    "sandbox",
  );
  try {
    const api = `${server.root}/api/v1`;
    await timedRead(api); // the victim's tenant is created before the idle figures
    const idle: number[] = [];
    for (let i = 0; i < IDLE_READS; i++) idle.push(await timedRead(api));

    const deadline = Date.now() + ATTACK_S * 1000;
    let sent = 0;
    const attackers = Array.from({ length: ATTACKERS }, async (_, a) => {
      for (let i = a; Date.now() < deadline; i += ATTACKERS) {
        await hostileStep(server.root, i).catch(() => undefined);
        sent++;
      }
    });
    const loaded: number[] = [];
    const victim = (async () => {
      while (Date.now() < deadline) loaded.push(await timedRead(api));
    })();
    await Promise.all([...attackers, victim]);

    const idleP99 = p99(idle);
    const loadedP99 = p99(loaded);
    console.log(
      `\nRobustness: a victim tenant's reads while another tenant sends the hostile mix for ${ATTACK_S} s`,
    );
    console.log(`  hostile requests sent   ${sent}`);
    console.log(`  victim p99 idle         ${idleP99.toFixed(1)} ms (${idle.length} reads)`);
    console.log(`  victim p99 under attack ${loadedP99.toFixed(1)} ms (${loaded.length} reads)`);
    console.log(`  ratio attack / idle     ${(loadedP99 / idleP99).toFixed(1)}`);
    console.log(`  server peak RSS         ${peakRssMb(server.pid).toFixed(0)} MB`);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
