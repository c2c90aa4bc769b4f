// How a value seen in an instance's answer is shown in a report. Answers carry people's names,
// emails and request texts, so by default only the shape leaves: its type and its length.
import type { Json } from "../front/description.js";

export function jsonType(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/**
 * `string (12 chars)`, `integer (4 digits)`, `array (3 items)`, `object (5 keys)`, `boolean`,
 * `null`; with `showValues`, the value itself as JSON (cut at 120 characters).
 */
export function summariseValue(value: Json, showValues: boolean): string {
  if (showValues) {
    const text = JSON.stringify(value);
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  }
  const type = jsonType(value);
  if (typeof value === "string") return `${type} (${value.length} chars)`;
  if (typeof value === "number") return `${type} (${String(Math.abs(value)).length} digits)`;
  if (Array.isArray(value)) return `${type} (${value.length} items)`;
  if (value !== null && typeof value === "object") {
    return `${type} (${Object.keys(value).length} keys)`;
  }
  return type;
}
