// Turns a request body into parameters, by its content type: form-urlencoded and multipart
// (what real clients send) follow the same PHP bracket rules as the query string; JSON
// objects are taken as they are. Anything malformed is a 400 that says what was wrong.
import busboy from "busboy";
import { isObject, type Json } from "../spec/description.js";
import { ProblemError } from "../spec/problem.js";
import {
  MAX_DEPTH,
  MAX_PARAMETERS,
  nestedTooDeep,
  parseWireParams,
  tooManyParameters,
} from "./wire-params.js";

export interface ParsedBody {
  params: { [name: string]: Json };
  /** The body's media type, lower case and without parameters; undefined without a body. */
  mediaType: string | undefined;
}

const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";
const JSON_TYPE = /^application\/([\w.-]+\+)?json$/;

const utf8 = new TextDecoder("utf-8", { fatal: true });

function malformed(title: string, detail: string): ProblemError {
  return new ProblemError({ status: 400, title, detail });
}

function decodeUtf8(body: Buffer, what: string): string {
  try {
    return utf8.decode(body);
  } catch {
    throw malformed(`Malformed ${what}`, `The ${what} is not valid UTF-8.`);
  }
}

/**
 * How deep the brackets of a JSON text go, outside strings: checked on the bytes before
 * JSON.parse, which spends seconds on a 10 MB body of nested brackets.
 */
function jsonNesting(body: Buffer, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      // A backslash escapes the next byte; a quote ends the string.
      if (byte === 0x5c) i++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    }
  }
  return deepest;
}

/**
 * Holds a JSON body to the limits a form has: at most MAX_PARAMETERS values and MAX_DEPTH levels
 * below the top object (the top object is one more level). Unchecked, a 5 MB body of a million
 * array items kept the server busy for 15 s and made a 150 MB answer of a million
 * invalid_params, and a few hundred thousand nested brackets overflowed the stack when the 428
 * quoted the value (a 500).
 */
function countJsonValues(params: { [name: string]: Json }): void {
  let values = 0;
  const pending: Json[] = Object.values(params);
  for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
    const children = Array.isArray(value)
      ? value
      : isObject(value)
        ? Object.values(value)
        : undefined;
    if (children === undefined || children.length === 0) {
      if (++values > MAX_PARAMETERS) throw tooManyParameters("JSON body");
    } else if (children.length > MAX_PARAMETERS) {
      throw tooManyParameters("JSON body");
    } else {
      pending.push(...children);
    }
  }
}

function parseJson(body: Buffer): { [name: string]: Json } {
  const text = decodeUtf8(body, "JSON body");
  if (jsonNesting(body, MAX_DEPTH + 1) > MAX_DEPTH + 1) throw nestedTooDeep("JSON body");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw malformed(
      "Malformed JSON body",
      `The JSON body does not parse: ${(error as Error).message}`,
    );
  }
  if (!isObject(value)) {
    throw malformed("Malformed JSON body", "A JSON body must be an object of parameters.");
  }
  countJsonValues(value);
  return value;
}

/**
 * Multipart parts are collected as `name=value` pairs and parsed like a form, so `ids[]` and
 * `key_values[k]` parts follow the same rules. A file part counts as its file name: the mock
 * checks that the file is there, not what is in it.
 */
function parseMultipart(contentType: string, body: Buffer): Promise<{ [name: string]: Json }> {
  return new Promise((resolve, reject) => {
    const fail = (detail: string) =>
      reject(malformed("Malformed multipart body", `The multipart body does not parse: ${detail}`));
    let parser: ReturnType<typeof busboy>;
    try {
      parser = busboy({
        headers: { "content-type": contentType },
        limits: {
          parts: MAX_PARAMETERS,
          fields: MAX_PARAMETERS,
          files: MAX_PARAMETERS,
          // busboy cuts text fields at 1 MB by default, silently; the body limit already bounds them.
          fieldSize: body.length,
        },
      });
    } catch (error) {
      fail((error as Error).message);
      return;
    }
    const pairs: string[] = [];
    const add = (name: string, value: string) =>
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    parser.on("field", (name, value) => add(name, value));
    parser.on("file", (name, stream, info) => {
      // A body that ends inside a file part fails on the file's stream too, and an 'error'
      // event without a listener takes the whole process down. The parser reports the same
      // error below, which is the one answered.
      stream.on("error", () => undefined);
      stream.resume();
      add(name, info.filename ?? "file");
    });
    const overLimit = () => fail(`more than ${MAX_PARAMETERS} parts`);
    parser.on("partsLimit", overLimit);
    parser.on("fieldsLimit", overLimit);
    parser.on("filesLimit", overLimit);
    parser.on("error", (error) => fail(error.message));
    parser.on("close", () => {
      try {
        resolve(parseWireParams(pairs.join("&"), "multipart body"));
      } catch (error) {
        reject(error);
      }
    });
    parser.end(body);
  });
}

export async function parseBody(
  contentType: string | undefined,
  body: Buffer,
): Promise<ParsedBody> {
  if (body.length === 0) return { params: {}, mediaType: undefined };
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType === FORM) {
    return { params: parseWireParams(decodeUtf8(body, "form body"), "form body"), mediaType };
  }
  if (mediaType === MULTIPART) {
    return { params: await parseMultipart(contentType ?? "", body), mediaType };
  }
  if (JSON_TYPE.test(mediaType)) return { params: parseJson(body), mediaType };
  throw new ProblemError({
    status: 415,
    title: "Unsupported media type",
    detail: `A body of type "${mediaType || "(none)"}" cannot carry parameters: send ${FORM}, ${MULTIPART} or application/json.`,
    headers: { "accept-post": `${FORM}, ${MULTIPART}, application/json` },
  });
}
