// The one `--help` of the bin: the server, its flags, and the commands beside it.
import { SEED_PULL_HELP } from "./seed-pull.js";
import { VERIFY_HELP } from "./verify.js";
import { PRUNE_USAGE } from "../prune.js";

export const HELP = `sd-toolkit-mock: a mock of the Service Desk REST API v1, and tools to check a real instance.

Commands
  sd-toolkit-mock [flags]              start the mock: the sandbox (default) or the examples,
                                       or with --upstream a validation proxy to an instance
  sd-toolkit-mock verify [options]     crawl an instance read-only and report its drift
  sd-toolkit-mock seed pull [options]  write a sandbox seed from an instance's configuration
  sd-toolkit-mock prune --idle-days N  delete sandbox tenants on disk unused for N days
  sd-toolkit-mock --help               this text

Server flags (each also read from the environment variable shown; a flag wins)
  --mode sandbox|examples   MOCK_MODE        sandbox (state per credential) or the examples
  --data-dir DIR            MOCK_DATA_DIR    sandbox: tenants' databases (.sandbox; not empty)
  --memory                  MOCK_MEMORY      sandbox: keep tenants in memory only
  --seed FILE               MOCK_SEED        sandbox: a seed replacing or extending the built-in
  --max-tenants N           MOCK_MAX_TENANTS sandbox: most tenants held (1000); a new one gets 503
  --port N                  PORT             4010; 0 picks a free port
  --host ADDRESS            HOST             127.0.0.1; beyond loopback needs MOCK_AUTH or --public
  --public                  MOCK_PUBLIC      serve everyone who reaches a non-loopback HOST
  --auth any|none|LIST      MOCK_AUTH        any; or basic:user:password,bearer:token,...
  --cors-origin LIST        MOCK_CORS_ORIGIN origins whose pages may call the mock, beside its own
  --allowed-host LIST       MOCK_ALLOWED_HOST host names answered, beside loopback and its address
  --body-limit SIZE         MOCK_BODY_LIMIT  10mb
  --log                     MOCK_LOG         one line per request (secrets shown as ***)
  --dynamic                 MOCK_DYNAMIC     examples: generated data instead of the examples
  --spec FILE               MOCK_SPEC        another bundled description (JSON)
  --docs DIR                MOCK_DOCS_DIR    the folder served at /

Proxy flags (with --upstream URL, the instance's API base ending in /api/v1)
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

${PRUNE_USAGE}
`;
