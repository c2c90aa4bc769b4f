// The flags `verify` and `seed pull` share: which instance, whose credentials, and the caps
// that keep the calls gentle. Secrets may come from the environment (SD_PASSWORD,
// SD_CLIENT_SECRET) so that they stay out of shell history and CI logs.
import { parseArgs } from "node:util";
import { parseDuration, parseUpstream } from "../front/config.js";
import type { InstanceCredentials } from "../proxy/credentials.js";

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const INSTANCE_OPTIONS = {
  upstream: { type: "string" },
  username: { type: "string" },
  password: { type: "string" },
  "client-id": { type: "string" },
  "client-secret": { type: "string" },
  "upstream-rps": { type: "string" },
  "upstream-concurrency": { type: "string" },
  "upstream-timeout": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export interface InstanceFlags {
  upstream: URL;
  credentials: InstanceCredentials;
  rps: number;
  concurrency: number;
  timeoutMs: number;
}

type Options = Parameters<typeof parseArgs>[0] extends infer C
  ? C extends { options?: infer O }
    ? O
    : never
  : never;

/** node's parser, with its errors turned into usage errors that list the known flags. */
export function readFlags<T extends Options>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const known = Object.keys(options)
      .map((name) => `--${name}`)
      .join(", ");
    throw new UsageError(`${(error as Error).message} (known: ${known})`);
  }
}

/** A whole-number flag of at least `min`, or `fallback` when it is not given. */
export function wholeNumberFlag(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new UsageError(`--${name} must be a whole number, ${min} or more, got "${value}"`);
  }
  return number;
}

function positive(name: string, value: string | undefined, fallback: number, integer: boolean) {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw new UsageError(
      `--${name} must be a ${integer ? "whole " : ""}number above 0, got "${value}"`,
    );
  }
  return number;
}

export function instanceFlags(
  values: Record<string, string | boolean | undefined>,
  env: NodeJS.ProcessEnv,
): InstanceFlags {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : undefined;
  };
  const upstreamText = text("upstream");
  if (!upstreamText)
    throw new UsageError("--upstream URL is required (the instance's API base, ending in /api/v1)");
  let upstream: URL;
  let timeoutMs: number;
  try {
    upstream = parseUpstream(upstreamText);
    timeoutMs = parseDuration("--upstream-timeout", text("upstream-timeout") ?? "30s");
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const username = text("username");
  const clientId = text("client-id");
  let credentials: InstanceCredentials;
  if (username && clientId) throw new UsageError("Give --username or --client-id, not both");
  if (username) {
    const password = text("password") ?? env["SD_PASSWORD"];
    if (!password) throw new UsageError("--password (or SD_PASSWORD) is required with --username");
    credentials = { kind: "basic", username, password };
  } else if (clientId) {
    const clientSecret = text("client-secret") ?? env["SD_CLIENT_SECRET"];
    if (!clientSecret)
      throw new UsageError("--client-secret (or SD_CLIENT_SECRET) is required with --client-id");
    credentials = { kind: "client", clientId, clientSecret };
  } else {
    throw new UsageError(
      "Credentials are required: --username and --password, or --client-id and --client-secret",
    );
  }
  return {
    upstream,
    credentials,
    rps: positive("upstream-rps", text("upstream-rps"), 5, false),
    concurrency: positive("upstream-concurrency", text("upstream-concurrency"), 4, true),
    timeoutMs,
  };
}

/** Where a command writes: the CLI passes the process's streams, tests collect the text. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** The bundled description to check against (the installed one by default). */
  specPath?: string;
}
