// The wiring: loads the description once, builds the engine of the configured mode (the sandbox
// by default, or the examples) and hands both to the front. The examples engine loads Prism,
// which is slow to import, so it is imported only when used: the examples mode, or the first
// sandbox call that carries `Prefer`.
import type { MockConfig } from "./front/config.js";
import { listenRefusal } from "./front/listen-policy.js";
import { createMockServer, type MockServer } from "./front/server.js";
import type { AnswerEngine } from "./spec/engine.js";
import { loadSpec, type LoadedSpec } from "./spec/load.js";
import { createProxyEngine } from "./proxy/engine.js";
import { createSandboxEngine } from "./sandbox/engine.js";
import type { SeedSource } from "./sandbox/seed.js";

async function examplesEngine(spec: LoadedSpec, dynamic: boolean): Promise<AnswerEngine> {
  const { createExamplesEngine } = await import("./examples/engine.js");
  return createExamplesEngine(spec.doc, dynamic);
}

export async function createEngine(
  spec: LoadedSpec,
  config: MockConfig & { seed?: SeedSource },
): Promise<AnswerEngine> {
  if (config.proxy) return createProxyEngine(spec.doc, config.proxy);
  if (config.mode === "examples") return examplesEngine(spec, config.dynamic);
  return createSandboxEngine(spec.doc, spec.table.operations, spec.compiler, {
    dataDir: config.dataDir,
    memory: config.memory,
    maxTenants: config.maxTenants,
    seed: config.seed ?? config.seedPath,
    examples: () => examplesEngine(spec, config.dynamic),
  });
}

/** A front over the engine of `config.mode`, not listening yet. */
export async function createWiredServer(
  config: MockConfig & { seed?: SeedSource },
): Promise<MockServer> {
  // Refused before the engine opens any database, so a refused start leaves nothing open.
  const refusal = listenRefusal(config);
  if (refusal) throw new Error(refusal);
  const spec = await loadSpec(config.specPath);
  const engine = await createEngine(spec, config);
  return createMockServer(config, engine, spec);
}
