// Reads a request body into memory, refusing it (413) as soon as it passes the limit, so a
// huge or endless upload costs at most the limit in memory.
import type { IncomingMessage } from "node:http";
import { ProblemError } from "../spec/problem.js";

/** The client went away before its body was complete: there is nobody to answer. */
export class ClientGoneError extends Error {
  constructor() {
    super("The client closed the connection before sending its whole body");
    this.name = "ClientGoneError";
  }
}

const EMPTY = Buffer.alloc(0);
/** How much of a refused upload is read and dropped before the connection is cut. */
const MAX_DISCARD = 64 * 1024 * 1024;

function tooLarge(limit: number): ProblemError {
  return new ProblemError({
    status: 413,
    title: "Body too large",
    detail: `The request body is larger than the mock's limit of ${limit} bytes (set MOCK_BODY_LIMIT or --body-limit to change it).`,
  });
}

/**
 * Reads and drops the rest of a refused body. Closing the connection instead would make most
 * clients fail with EPIPE while still uploading, before they read the 413. Past MAX_DISCARD
 * the upload is cut off anyway.
 */
function discardRest(req: IncomingMessage): void {
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > MAX_DISCARD) req.socket.destroy();
  });
  req.resume();
}

export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  return req.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (!hasBody(req)) return Promise.resolve(EMPTY);
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) {
    discardRest(req);
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onGone);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        discardRest(req);
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onGone = () => {
      cleanup();
      reject(new ClientGoneError());
    };
    const onClose = () => {
      if (!req.complete) onGone();
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onGone);
    req.on("close", onClose);
  });
}
