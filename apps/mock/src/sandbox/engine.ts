// The sandbox mode: each call is answered by its domain handler over the caller's tenant, in
// one transaction committed before the answer leaves. An operation with no handler answers 501
// naming it: never an example in disguise. A call carrying a `Prefer` header is answered from
// the examples, as in the examples mode, so a test can still ask for a described 429.
import type { AnswerEngine, ApiCall, MockAnswer } from "../spec/engine.js";
import type { OpenApiDocument } from "../spec/description.js";
import type { Operation } from "../spec/operations.js";
import type { Problem } from "../spec/problem.js";
import type { SchemaCompiler } from "../spec/schema-compiler.js";
import { httpError } from "./answers.js";
import { sandboxNow } from "./clock.js";
import { dateWriter, readDateFormat } from "./dates.js";
import { buildRegistry, loadDomainModules, type Registry } from "./registry.js";
import { loadSeed, type SeedSource } from "./seed.js";
import { overlongText } from "./stored-text-limit.js";
import { TenantPool } from "./tenants.js";
import { SandboxControl } from "./control/control.js";

export interface SandboxOptions {
  dataDir: string;
  memory: boolean;
  /** At most this many tenants; a new one beyond is refused with 503. */
  maxTenants?: number;
  seed: SeedSource | undefined;
  /** Answers calls that carry `Prefer`; created on first need. */
  examples: () => Promise<AnswerEngine>;
}

export interface SandboxEngine extends AnswerEngine {
  registry: Registry;
  tenants: TenantPool;
  control: SandboxControl;
}

export async function createSandboxEngine(
  doc: OpenApiDocument,
  operations: readonly Operation[],
  compiler: SchemaCompiler,
  options: SandboxOptions,
): Promise<SandboxEngine> {
  const registry = buildRegistry(doc, operations, loadDomainModules());
  const seed = loadSeed(options.seed, registry.kinds, compiler);
  const tenants = new TenantPool({
    dataDir: options.dataDir,
    memory: options.memory,
    seed,
    ...(options.maxTenants === undefined ? {} : { maxTenants: options.maxTenants }),
  });
  let examples: Promise<AnswerEngine> | undefined;

  return {
    registry,
    tenants,
    control: new SandboxControl(tenants, seed, operations),
    async answer(call: ApiCall): Promise<MockAnswer | Problem> {
      if (call.headers.prefer !== undefined) {
        examples ??= options.examples();
        return (await examples).answer(call);
      }
      const { operation, params } = call;
      const handler = registry.handlers.get(operation.operationId);
      if (!handler) {
        const { status, body } = httpError(
          501,
          `The sandbox has no handler for ${operation.operationId} (${operation.method.toUpperCase()} ${operation.path}) yet; --mode examples answers it from the description's examples.`,
        );
        return { status, headers: {}, body };
      }
      const overlong = overlongText(params);
      if (overlong) return overlong;
      const store = tenants.store(call.tenant);
      const answer = store.transaction(() =>
        handler({
          params,
          store,
          now: sandboxNow(store),
          dates: dateWriter(readDateFormat(params["date_format"])),
          operation,
        }),
      );
      return { status: answer.status, headers: answer.headers ?? {}, body: answer.body };
    },
    handles: (operation) => registry.handlers.has(operation.operationId),
    async close() {
      tenants.close();
      if (examples) await (await examples).close();
    },
  };
}
