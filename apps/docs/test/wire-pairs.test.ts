import { describe, expect, it } from "vitest";
import { toWirePairs, wirePairsOf } from "../src/samples/wire-pairs.js";

describe("toWirePairs (the wire rules of WIRE.md)", () => {
  it("sends scalars as they are", () => {
    expect(toWirePairs("id", 4211)).toEqual([["id", "4211"]]);
    expect(toWirePairs("title", "VPN access")).toEqual([["title", "VPN access"]]);
  });

  it("sends booleans as 1 and 0", () => {
    expect(toWirePairs("comments", true)).toEqual([["comments", "1"]]);
    expect(toWirePairs("comments", false)).toEqual([["comments", "0"]]);
  });

  it("repeats arrays with brackets, never as a comma list or a bare repeated name", () => {
    expect(toWirePairs("ids", [4211, 4212])).toEqual([
      ["ids[]", "4211"],
      ["ids[]", "4212"],
    ]);
  });

  it("puts dictionary keys in brackets", () => {
    expect(toWirePairs("key_values", { "lt-0457": "Dell", "lt-0458": "HP" })).toEqual([
      ["key_values[lt-0457]", "Dell"],
      ["key_values[lt-0458]", "HP"],
    ]);
  });

  it("indexes structured array items so their keys stay together", () => {
    expect(toWirePairs("items", [{ id: 1, on: true }])).toEqual([
      ["items[0][id]", "1"],
      ["items[0][on]", "1"],
    ]);
  });

  it("leaves unset values out", () => {
    expect(toWirePairs("page_key", undefined)).toEqual([]);
    expect(toWirePairs("page_key", null)).toEqual([]);
    expect(wirePairsOf(Object.entries({ a: 1, b: undefined, c: [2] }))).toEqual([
      ["a", "1"],
      ["c[]", "2"],
    ]);
  });
});
