// Picks the engine of the configured mode: the sandbox (the default) or the examples, or the
// proxy to a real instance when an upstream is set.
import { createExamplesEngine } from "./examples/engine.js";
import type { MockConfig } from "./front/config.js";
import type { OpenApiDocument } from "./front/description.js";
import type { AnswerEngine } from "./front/engine.js";
import type { OperationTable } from "./front/operations.js";
import type { SchemaCompiler } from "./front/schema-compiler.js";
import { createProxyEngine } from "./proxy/engine.js";
import { createSandboxEngine } from "./sandbox/engine.js";
import type { SeedSource } from "./sandbox/seed.js";

export async function createEngine(
  doc: OpenApiDocument,
  table: OperationTable,
  compiler: SchemaCompiler,
  config: MockConfig & { seed?: SeedSource },
): Promise<AnswerEngine> {
  if (config.proxy) return createProxyEngine(doc, config.proxy);
  if (config.mode === "examples") return createExamplesEngine(doc, config.dynamic);
  return createSandboxEngine(doc, table.operations, compiler, {
    dataDir: config.dataDir,
    memory: config.memory,
    seed: config.seed ?? config.seedPath,
    examples: () => createExamplesEngine(doc, config.dynamic),
  });
}
