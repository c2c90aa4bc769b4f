// The one `--help` of the bin: the server and its commands.
import { SEED_PULL_HELP } from "./seed-pull.js";
import { VERIFY_HELP } from "./verify.js";

export const HELP = `sd-toolkit-mock: a mock of the Service Desk REST API v1, and tools to check a real instance.

Commands
  sd-toolkit-mock [options]            start the mock: the sandbox (default) or the examples,
                                       or with --upstream a validation proxy to an instance
  sd-toolkit-mock verify [options]     crawl an instance read-only and report its drift
  sd-toolkit-mock seed pull [options]  write a sandbox seed from an instance's configuration
  sd-toolkit-mock --help               this text

Server options (each also an environment variable, see the README)
  --port N, --host H, --mode sandbox|examples, --memory, --data-dir DIR, --seed FILE,
  --auth any|none|LIST, --spec FILE, --docs DIR, --dynamic, --body-limit SIZE, --log

Proxy options (with --upstream URL, the instance's API base ending in /api/v1)
  --allow-writes              forward writes too (reads only by default)
  --upstream-rps N            calls started upstream per second, at most (5)
  --upstream-concurrency N    calls in flight upstream, at most (4)
  --upstream-timeout T        then 504 (30s)
  --forward-invalid           forward calls that fail validation instead of answering 428
  --report-values             values in the report (type and length only by default)
  --report-upstream           the instance's host in the report (left out by default)
  --junit FILE                write the drift report as JUnit XML on exit
  The report: GET /__proxy/report (JSON) and /__proxy/report.html

${VERIFY_HELP}

${SEED_PULL_HELP}
`;
