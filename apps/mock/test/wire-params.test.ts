import { describe, expect, it } from "vitest";
import { ProblemError } from "../src/spec/problem.js";
import { parseWireParams } from "../src/front/wire-params.js";

const parse = (text: string) => parseWireParams(text, "query string");

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProblemError) return error.problem.status;
    throw error;
  }
  return undefined;
}

describe("parseWireParams (PHP's rules)", () => {
  it("reads arrays written with empty brackets and with indexes alike", () => {
    expect(parse("ids[]=1&ids[]=2")).toEqual({ ids: ["1", "2"] });
    expect(parse("ids[0]=1&ids[1]=2")).toEqual({ ids: ["1", "2"] });
    expect(parse("ids%5B%5D=1&ids%5B%5D=2")).toEqual({ ids: ["1", "2"] });
  });

  it("reads dictionaries", () => {
    expect(parse("key_values[color]=blue&key_values[size]=L")).toEqual({
      key_values: { color: "blue", size: "L" },
    });
  });

  it("keeps the last value of a bare repeated name, as PHP does", () => {
    expect(parse("id=1&id=2")).toEqual({ id: "2" });
  });

  it("decodes + and percent escapes, UTF-8 included", () => {
    expect(parse("title=Laptop+does%20not%20boot&name=Tom%C3%A1s")).toEqual({
      title: "Laptop does not boot",
      name: "Tomás",
    });
  });

  it("refuses bad percent-encoding with 400", () => {
    expect(statusOf(() => parse("a=%zz"))).toBe(400);
    expect(statusOf(() => parse("a=%E0%A4%A"))).toBe(400);
    expect(statusOf(() => parse("a%ZZ=1"))).toBe(400);
    expect(statusOf(() => parse("a=%C3%28"))).toBe(400);
  });

  it("refuses more parameters or deeper brackets than the real server reads", () => {
    const many = Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join("&");
    expect(statusOf(() => parse(many))).toBe(400);
    expect(statusOf(() => parse("a[b][c][d][e][f][g]=1"))).toBe(400);
    expect(parse("a[b][c][d][e][f]=1")).toEqual({ a: { b: { c: { d: { e: { f: "1" } } } } } });
  });

  it("reads a far index as one item, without allocating an array that long", () => {
    // PHP reads `ids[999999]=1` as an array of one; it is one parameter, not too many.
    const far = parse("ids[999999]=1");
    expect(far).toEqual({ ids: { "999999": "1" } });
    expect(Array.isArray(far["ids"])).toBe(false);
    expect(parse("ids[1000]=1&ids[0]=2")).toEqual({ ids: { "0": "2", "1000": "1" } });
    expect(parse("ids[999]=1")).toEqual({ ids: ["1"] });
  });

  it("ignores keys that would reach Object.prototype", () => {
    const parsed = parse("__proto__[polluted]=1&constructor[prototype][x]=1&a=1");
    expect(parsed).toEqual({ a: "1" });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
