// What `verify` and `seed pull` both do before their own work: load the description, sign in to
// the instance with the scopes of every read, and open a client under the proxy's rate caps.
import { readConfig } from "../front/config.js";
import { authorizationHeader, scopesOf } from "../proxy/credentials.js";
import { createInstanceClient, type InstanceClient } from "../proxy/instance-client.js";
import { loadDescription, type OpenApiDocument } from "../spec/description.js";
import { indexOperations, type Operation, type OperationTable } from "../spec/operations.js";
import type { CommandIo, InstanceFlags } from "./instance-flags.js";

export interface InstanceSession {
  doc: OpenApiDocument;
  table: OperationTable;
  client: InstanceClient;
}

export async function openInstanceSession(
  flags: InstanceFlags,
  io: CommandIo,
  options: { showValues: boolean; onCall: (operation: Operation, status: number) => void },
): Promise<InstanceSession> {
  const doc = await loadDescription(io.specPath ?? readConfig([], {}).specPath);
  const table = indexOperations(doc);
  const reads = table.operations.filter((op) => op.method === "get");
  const authorization = await authorizationHeader(
    flags.upstream,
    flags.credentials,
    scopesOf(doc, reads),
    flags.timeoutMs,
  );
  const client = createInstanceClient({
    doc,
    table,
    upstream: flags.upstream,
    authorization,
    rps: flags.rps,
    concurrency: flags.concurrency,
    timeoutMs: flags.timeoutMs,
    showValues: options.showValues,
    onCall: options.onCall,
  });
  return { doc, table, client };
}
