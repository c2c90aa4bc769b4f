import { describe, expect, it } from "vitest";
import { parsePrefer } from "../src/examples/prefer.js";

describe("parsePrefer", () => {
  it("reads the preferences Prism understands", () => {
    expect(parsePrefer("code=404")).toEqual({ code: "404" });
    expect(parsePrefer('code=200, example="small", dynamic=true')).toEqual({
      code: "200",
      example: "small",
      dynamic: "true",
    });
    expect(parsePrefer("respond-async, wait=10")).toEqual({ "respond-async": "", wait: "10" });
    expect(parsePrefer(undefined)).toEqual({});
  });
});
