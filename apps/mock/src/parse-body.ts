// Turns a request body into parameters, by its content type: form-urlencoded and multipart
// (what real clients send) follow the same PHP bracket rules as the query string; JSON
// objects are taken as they are. Anything malformed is a 400 that says what was wrong.
import busboy from "busboy";
import { isObject, type Json } from "./description.js";
import { ProblemError } from "./problem.js";
import { MAX_PARAMETERS, parseWireParams } from "./wire-params.js";

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

function parseJson(body: Buffer): { [name: string]: Json } {
  let value: unknown;
  try {
    value = JSON.parse(decodeUtf8(body, "JSON body"));
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw malformed(
      "Malformed JSON body",
      `The JSON body does not parse: ${(error as Error).message}`,
    );
  }
  if (!isObject(value)) {
    throw malformed("Malformed JSON body", "A JSON body must be an object of parameters.");
  }
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
        limits: { parts: MAX_PARAMETERS, fields: MAX_PARAMETERS, files: MAX_PARAMETERS },
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
