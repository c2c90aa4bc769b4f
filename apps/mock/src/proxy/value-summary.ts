// How a value seen in an instance's answer is shown in a report. Answers carry people's names,
// emails and request texts, so by default only the shape leaves: its type and its length.
import type { Json } from "../spec/description.js";

export function jsonType(value: Json): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

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
  if (typeof value === "string") return `${type} (${count(value.length, "char")})`;
  if (typeof value === "number")
    return `${type} (${count(String(Math.abs(value)).length, "digit")})`;
  if (Array.isArray(value)) return `${type} (${count(value.length, "item")})`;
  if (value !== null && typeof value === "object") {
    return `${type} (${count(Object.keys(value).length, "key")})`;
  }
  return type;
}
