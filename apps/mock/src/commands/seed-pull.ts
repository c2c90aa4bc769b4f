// `sd-toolkit-mock seed pull`: writes a sandbox seed from an instance's configuration, for
// `--seed FILE`. Reads only, under the same caps as the proxy and `verify`.
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { pullSeed } from "../proxy/seed-pull.js";
import { UpstreamError, upstreamName } from "../proxy/upstream-call.js";
import {
  INSTANCE_OPTIONS,
  instanceFlags,
  readFlags,
  UsageError,
  wholeNumberFlag,
  type CommandIo,
} from "./instance-flags.js";
import { openInstanceSession } from "./instance-session.js";

export const SEED_PULL_HELP = `sd-toolkit-mock seed pull --upstream URL (credentials as for verify) --out FILE [--requests N]

Reads the instance's catalogues, categories, help desks and levels, groups, locations,
companies, custom fields and their options, workflows, triggers and knowledge base categories,
and people (ids, types and memberships kept; names, user names and emails generated on
example.com), and writes them as a sandbox seed: start the mock with --seed FILE.

  --out FILE      where the seed goes (required)
  --requests N    also the N most recent open requests, their free text replaced (0)
  --upstream-rps, --upstream-concurrency, --upstream-timeout   as for verify`;

const OPTIONS = {
  ...INSTANCE_OPTIONS,
  out: { type: "string" },
  requests: { type: "string" },
} as const;

export async function runSeedPull(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const values = readFlags(argv, OPTIONS);
    if (values.help) {
      io.out(SEED_PULL_HELP);
      return 0;
    }
    const flags = instanceFlags(values, io.env);
    if (!values.out) throw new UsageError("--out FILE is required (where the seed is written)");
    const requests = wholeNumberFlag("requests", values.requests, 0, 0);
    const { client } = await openInstanceSession(flags, io, {
      showValues: false,
      onCall: (operation, status) =>
        io.err(`seed pull: [${client.calls}] GET ${operation.path} -> ${status}`),
    });
    io.err(`seed pull: reading ${upstreamName(flags.upstream)}`);
    const seed = await pullSeed({ client, requests });
    const out = resolve(values.out);
    await writeFile(out, `${JSON.stringify(seed, null, 2)}\n`);
    const counts = Object.entries(seed.records).map(([kind, list]) => `${kind} ${list.length}`);
    io.out(`Wrote ${out}: ${counts.join(", ")}`);
    io.out(`Start a sandbox shaped like the instance: sd-toolkit-mock --seed ${values.out}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`seed pull: ${error.message}\n\n${SEED_PULL_HELP}`);
      return 2;
    }
    if (error instanceof UpstreamError) {
      io.err(`seed pull: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
