// Routes the bin's first words to a command: `verify`, `seed pull`, `prune`, `--help`. Anything
// else starts the server, so `sd-toolkit-mock --port 4999` keeps working.
import { runPrune } from "../prune.js";
import { HELP } from "./help.js";
import type { CommandIo } from "./instance-flags.js";
import { runSeedPull } from "./seed-pull.js";
import { runVerify } from "./verify.js";

/** The command's exit code, or undefined when the arguments are the server's. */
export async function runCommand(
  argv: readonly string[],
  io: CommandIo,
): Promise<number | undefined> {
  const [first, second] = argv;
  if (first === "verify") return runVerify(argv.slice(1), io);
  if (first === "prune") return runPrune(argv.slice(1), io.env);
  if (first === "seed") {
    if (second === "pull") return runSeedPull(argv.slice(2), io);
    io.err(
      `sd-toolkit-mock seed: unknown subcommand ${JSON.stringify(second ?? "")}; the one there is: seed pull\n\n${HELP}`,
    );
    return 2;
  }
  // The server's flags: --help anywhere among them shows the one help text.
  if (first === "help" || argv.some((arg) => arg === "--help" || arg === "-h")) {
    io.out(HELP);
    return 0;
  }
  return undefined;
}
