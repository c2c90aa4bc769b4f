// Settings of the mock, read from command-line flags first and environment variables second,
// so `PORT=4999 npm start` and `sd-toolkit-mock --port 4999` both work. Flags win because they are the
// more deliberate of the two.
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { siteDir } from "@sd-toolkit/docs";
import type { ProxySettings } from "../spec/proxy-settings.js";

export type { ProxySettings };

/** Which credentials the mock lets through. */
export type AuthPolicy =
  /** Any well-formed Basic or Bearer credentials (the default). */
  | { kind: "any" }
  /** No Authorization header needed at all. */
  | { kind: "none" }
  /** Only the listed Basic user:password pairs and Bearer tokens. */
  | { kind: "list"; basic: ReadonlySet<string>; bearer: ReadonlySet<string> };

/** `sandbox`: answers from per-credential state; `examples`: the description's examples. */
export type MockMode = "sandbox" | "examples";

export interface MockConfig {
  mode: MockMode;
  /** Sandbox: the folder holding one database per tenant. */
  dataDir: string;
  /** Sandbox: keep every tenant in memory only, gone when the server stops. */
  memory: boolean;
  /** Sandbox: a seed file replacing or extending the built-in one (see the README). */
  seedPath: string | undefined;
  host: string;
  port: number;
  /** The bundled description (JSON) the mock serves. */
  specPath: string;
  /** The same bundle as YAML, served at /openapi.yaml when it exists. */
  specYamlPath: string;
  /** The built reference site, served at / when it exists. */
  docsDir: string;
  /** Prism generates data from the schemas instead of answering with the examples. */
  dynamic: boolean;
  auth: AuthPolicy;
  /** Largest request body accepted, in bytes; bigger ones get 413. */
  bodyLimit: number;
  /** Print one line per request. */
  log: boolean;
  /** Origins (`http://localhost:5173`) whose pages may call the mock, beside its own. */
  corsOrigins: readonly string[];
  /** Host names the mock answers to, beside loopback ones and its bound address. */
  allowedHosts: readonly string[];
  /** Listen on a non-loopback address without MOCK_AUTH credentials (anyone there is served). */
  public: boolean;
  /** Sandbox: at most this many tenants; a new one beyond is refused with 503. */
  maxTenants: number;
  /** Set: the proxy answers, from the upstream instance (`--upstream`), instead of `mode`. */
  proxy?: ProxySettings | undefined;
}

/** Where the API lives under the server's root, as on a real instance. */
export const API_BASE = "/api/v1";

const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;
/** Enough for a large suite's parallel workers, each with its own tenants. */
export const DEFAULT_MAX_TENANTS = 1000;

const require = createRequire(import.meta.url);

/**
 * The bundled description, from the `@sd-toolkit/openapi` dependency: an installed mock and the
 * workspace (where the dependency links to `openapi/`) find it the same way. When the file is
 * missing (not bundled yet) the path is still returned, and loading it says how to build it.
 */
function bundleFile(name: "openapi.json" | "openapi.yaml"): string {
  try {
    return require.resolve(`@sd-toolkit/openapi/${name}`);
  } catch {
    return resolve(dirname(require.resolve("@sd-toolkit/openapi/package.json")), "dist", name);
  }
}

const STRING_FLAGS = [
  "mode",
  "data-dir",
  "seed",
  "port",
  "host",
  "spec",
  "docs",
  "auth",
  "body-limit",
  "cors-origin",
  "allowed-host",
  "max-tenants",
  "upstream",
  "upstream-rps",
  "upstream-concurrency",
  "upstream-timeout",
  "junit",
] as const;
const BOOLEAN_FLAGS = [
  "memory",
  "dynamic",
  "log",
  "public",
  "allow-writes",
  "forward-invalid",
  "report-values",
  "report-upstream",
] as const;

/**
 * Reads `--name value` and `--name=value` for settings, `--flag` and `--no-flag` for switches,
 * with node's own parser. Values come back as the strings the environment variables hold.
 */
function readFlags(argv: readonly string[]): Map<string, string> {
  const options = Object.fromEntries([
    ...STRING_FLAGS.map((name) => [name, { type: "string" } as const]),
    ...BOOLEAN_FLAGS.map((name) => [name, { type: "boolean" } as const]),
  ]);
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowNegative: true }));
  } catch (error) {
    const known = [...STRING_FLAGS, ...BOOLEAN_FLAGS].map((name) => `--${name}`).join(", ");
    throw new Error(`${(error as Error).message} (known: ${known})`);
  }
  const flags = new Map<string, string>();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) flags.set(name, String(value));
  }
  return flags;
}

function parseBoolean(name: string, value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off|)$/i.test(value)) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

function parseMode(value: string): MockMode {
  if (value === "sandbox" || value === "examples") return value;
  throw new Error(`MOCK_MODE must be sandbox or examples, got "${value}"`);
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a number from 0 to 65535, got "${value}"`);
  }
  return port;
}

/** "10mb", "512kb", "2048" (bytes). */
export function parseByteSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
  if (!match) throw new Error(`The body limit must look like 10mb, 512kb or 2048, got "${value}"`);
  const units = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 } as const;
  const unit = (match[2]?.toLowerCase() ?? "b") as keyof typeof units;
  return Math.floor(Number(match[1]) * units[unit]);
}

/**
 * "any", "none", or a comma-separated list of accepted credentials:
 * `basic:user:password` and `bearer:token`.
 */
export function parseAuthPolicy(value: string): AuthPolicy {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === "" || trimmed === "any") return { kind: "any" };
  if (trimmed === "none" || trimmed === "off") return { kind: "none" };
  const basic = new Set<string>();
  const bearer = new Set<string>();
  for (const item of value.split(",")) {
    const entry = item.trim();
    if (/^basic:[^:]+:/i.test(entry)) basic.add(entry.slice("basic:".length));
    else if (/^bearer:.+/i.test(entry)) bearer.add(entry.slice("bearer:".length));
    else {
      throw new Error(
        `MOCK_AUTH takes any, none, or a list of basic:user:password and bearer:token; got "${entry}"`,
      );
    }
  }
  return { kind: "list", basic, bearer };
}

/** A comma-separated list, blanks dropped. */
function parseList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** `http://localhost:5173`: a scheme, a host and an optional port, nothing after. */
export function parseCorsOrigins(value: string | undefined): string[] {
  return parseList(value).map((origin) => {
    if (!/^https?:\/\/[^/?#\s]+$/i.test(origin)) {
      throw new Error(
        `MOCK_CORS_ORIGIN takes origins such as http://localhost:5173 (no path), got "${origin}"`,
      );
    }
    return origin.toLowerCase();
  });
}

function parseMaxTenants(value: string): number {
  const max = Number(value);
  if (!Number.isInteger(max) || max < 1) {
    throw new Error(`MOCK_MAX_TENANTS must be a whole number of 1 or more, got "${value}"`);
  }
  return max;
}

/** A data folder must be named: an empty one would put databases in the working folder. */
function parseDataDir(value: string | undefined): string {
  if (value === undefined) return resolve(".sandbox");
  if (value.trim() === "") {
    throw new Error("MOCK_DATA_DIR (--data-dir) is empty; name a folder, such as .sandbox");
  }
  return resolve(value);
}

/** An http(s) URL of an instance's API base; the trailing slash is dropped. */
export function parseUpstream(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `--upstream must be a URL such as https://acme.example.com/api/v1, got "${value}"`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`--upstream must be an http or https URL, got "${value}"`);
  }
  if (url.username || url.password) {
    throw new Error("--upstream must not hold credentials; the proxy forwards each caller's own");
  }
  url.pathname = url.pathname.replace(/\/+$/, "");
  return url;
}

function parsePositive(name: string, value: string, integer: boolean): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw new Error(`${name} must be a ${integer ? "whole " : ""}number above 0, got "${value}"`);
  }
  return number;
}

/** "30s", "300ms", "2m", or a number of seconds. */
export function parseDuration(name: string, value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/i.exec(value);
  if (!match || Number(match[1]) <= 0) {
    throw new Error(`${name} must look like 30s, 300ms or 2m, got "${value}"`);
  }
  const unit = { ms: 1, s: 1000, m: 60_000 }[(match[2]?.toLowerCase() ?? "s") as "ms" | "s" | "m"];
  return Math.round(Number(match[1]) * unit);
}

function readProxySettings(
  pick: (flag: string, variable: string) => string | undefined,
): ProxySettings | undefined {
  const upstream = pick("upstream", "MOCK_UPSTREAM");
  if (!upstream) return undefined;
  const junit = pick("junit", "MOCK_JUNIT");
  return {
    upstream: parseUpstream(upstream),
    allowWrites: parseBoolean(
      "--allow-writes",
      pick("allow-writes", "MOCK_ALLOW_WRITES") ?? "false",
    ),
    rps: parsePositive("--upstream-rps", pick("upstream-rps", "MOCK_UPSTREAM_RPS") ?? "5", false),
    concurrency: parsePositive(
      "--upstream-concurrency",
      pick("upstream-concurrency", "MOCK_UPSTREAM_CONCURRENCY") ?? "4",
      true,
    ),
    timeoutMs: parseDuration(
      "--upstream-timeout",
      pick("upstream-timeout", "MOCK_UPSTREAM_TIMEOUT") ?? "30s",
    ),
    forwardInvalid: parseBoolean(
      "--forward-invalid",
      pick("forward-invalid", "MOCK_FORWARD_INVALID") ?? "false",
    ),
    reportValues: parseBoolean(
      "--report-values",
      pick("report-values", "MOCK_REPORT_VALUES") ?? "false",
    ),
    reportUpstream: parseBoolean(
      "--report-upstream",
      pick("report-upstream", "MOCK_REPORT_UPSTREAM") ?? "false",
    ),
    junitPath: junit ? resolve(junit) : undefined,
  };
}

export function readConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): MockConfig {
  const flags = readFlags(argv);
  const pick = (flag: string, variable: string): string | undefined =>
    flags.get(flag) ?? env[variable];
  const specPath = resolve(pick("spec", "MOCK_SPEC") ?? bundleFile("openapi.json"));
  const seed = pick("seed", "MOCK_SEED");
  return {
    mode: parseMode(pick("mode", "MOCK_MODE") ?? "sandbox"),
    dataDir: parseDataDir(pick("data-dir", "MOCK_DATA_DIR")),
    memory: parseBoolean("MOCK_MEMORY", pick("memory", "MOCK_MEMORY") ?? "false"),
    seedPath: seed ? resolve(seed) : undefined,
    host: pick("host", "HOST") ?? "127.0.0.1",
    port: parsePort(pick("port", "PORT") ?? "4010"),
    specPath,
    specYamlPath: specPath.replace(/\.json$/, ".yaml"),
    docsDir: resolve(pick("docs", "MOCK_DOCS_DIR") ?? siteDir),
    dynamic: parseBoolean("MOCK_DYNAMIC", pick("dynamic", "MOCK_DYNAMIC") ?? "false"),
    auth: parseAuthPolicy(pick("auth", "MOCK_AUTH") ?? "any"),
    bodyLimit: parseByteSize(pick("body-limit", "MOCK_BODY_LIMIT") ?? String(DEFAULT_BODY_LIMIT)),
    log: parseBoolean("MOCK_LOG", pick("log", "MOCK_LOG") ?? "false"),
    corsOrigins: parseCorsOrigins(pick("cors-origin", "MOCK_CORS_ORIGIN")),
    allowedHosts: parseList(pick("allowed-host", "MOCK_ALLOWED_HOST")).map((h) => h.toLowerCase()),
    public: parseBoolean("MOCK_PUBLIC", pick("public", "MOCK_PUBLIC") ?? "false"),
    maxTenants: parseMaxTenants(
      pick("max-tenants", "MOCK_MAX_TENANTS") ?? String(DEFAULT_MAX_TENANTS),
    ),
    proxy: readProxySettings(pick),
  };
}
