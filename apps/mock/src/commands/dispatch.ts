// Routes the bin's first words to a command: `verify`, `seed pull`, `--help`. Anything else
// starts the server, so `sd-toolkit-mock --port 4999` keeps working.
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
  if (first === "--help" || first === "-h" || first === "help") {
    io.out(HELP);
    return 0;
  }
  if (first === "verify") return runVerify(argv.slice(1), io);
  if (first === "seed") {
    if (second === "pull") return runSeedPull(argv.slice(2), io);
    io.err(
      `sd-toolkit-mock seed: unknown subcommand ${JSON.stringify(second ?? "")}; the one there is: seed pull\n\n${HELP}`,
    );
    return 2;
  }
  return undefined;
}
