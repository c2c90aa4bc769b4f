// `sd-toolkit-mock --help`: the flags, each with its environment variable and default.
export const HELP = `usage: sd-toolkit-mock [flags]
       sd-toolkit-mock prune --idle-days N [--data-dir DIR] [--dry-run]

Flags (each also read from the environment variable shown; a flag wins):
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
  --help                                     this text
`;
