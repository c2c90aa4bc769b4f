// Checks one answer of an instance against what the description says the operation answers:
// its status, its content type, that it is JSON, and then its body's shape.
import { deref, isObject, type Json, type OpenApiDocument } from "../spec/description.js";
import type { Operation } from "../spec/operations.js";
import { createShapeChecker } from "./answer-shape.js";
import type { DriftFinding } from "./drift-kinds.js";

export interface SeenAnswer {
  status: number;
  /** The Content-Type header as sent, or undefined. */
  contentType: string | undefined;
  body: Buffer;
  /** HEAD answers have no body to check. */
  method: string;
}

export type AnswerChecker = (operation: Operation, answer: SeenAnswer) => DriftFinding[];

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(";")[0]?.trim().toLowerCase() || undefined;
}

function isJsonType(type: string): boolean {
  return /^application\/(.+\+)?json$/.test(type);
}

export function createAnswerChecker(
  doc: OpenApiDocument,
  options: { showValues: boolean },
): AnswerChecker {
  const checkShape = createShapeChecker(doc, options);
  const responsesOf = new Map<Operation, Record<string, Json>>();
  const responses = (operation: Operation) => {
    let found = responsesOf.get(operation);
    if (!found) {
      const item = deref(doc, doc.paths[operation.path]);
      const raw = isObject(item) ? item[operation.method] : undefined;
      const listed = isObject(raw) && isObject(raw["responses"]) ? raw["responses"] : {};
      found = listed;
      responsesOf.set(operation, found);
    }
    return found;
  };

  return (operation, answer) => {
    const listed = responses(operation);
    const code = String(answer.status);
    const response = listed[code] ?? listed[`${code[0]}XX`] ?? listed["default"];
    if (response === undefined) {
      return [
        {
          kind: "undocumented-status",
          at: "$",
          expected: `one of ${Object.keys(listed).join(", ")}`,
          seen: code,
        },
      ];
    }
    const resolved = deref(doc, response);
    const content = isObject(resolved) && isObject(resolved["content"]) ? resolved["content"] : {};
    const described = Object.keys(content).map((type) => type.toLowerCase());
    if (described.length === 0 || answer.method === "head") return [];
    const type = mediaType(answer.contentType);
    if (!type || !described.includes(type)) {
      return [
        {
          kind: "wrong-content-type",
          at: "$",
          expected: described.join(" or "),
          seen: type ?? "no content type",
        },
      ];
    }
    if (!isJsonType(type)) return [];
    let body: Json;
    try {
      body = JSON.parse(answer.body.toString("utf8")) as Json;
    } catch {
      return [
        {
          kind: "not-json",
          at: "$",
          expected: "a JSON body",
          seen: `${answer.body.length} bytes that do not parse as JSON`,
        },
      ];
    }
    const media = content[Object.keys(content).find((t) => t.toLowerCase() === type) ?? type];
    const schema = isObject(media) ? media["schema"] : undefined;
    return schema === undefined ? [] : checkShape(schema, body);
  };
}
