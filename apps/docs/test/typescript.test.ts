import { describe, expect, it } from "vitest";
import { fileDeclaration, TsCode, tsLiteral, typescriptSample } from "../src/samples/typescript.js";

const base = {
  method: "get",
  path: "/incident",
  instance: "acme.sd.cloud.invgate.net",
  body: undefined,
  statusCheck: false,
} as const;

describe("typescriptSample", () => {
  it("creates the client with the instance and Basic auth from the environment", () => {
    const source = typescriptSample({ ...base, query: { id: 4211 } });
    expect(source).toContain('import { createServiceDeskClient } from "@sd-toolkit/client";');
    expect(source).toContain('instance: "acme.sd.cloud.invgate.net"');
    expect(source).toContain(
      "auth: { username: process.env.SD_USER!, password: process.env.SD_PASSWORD! }",
    );
  });

  it("calls the method with the query parameters and uses the typed result", () => {
    const source = typescriptSample({ ...base, query: { id: 4211, ids: [1, 2] } });
    expect(source).toContain(
      'const { data, error } = await sd.GET("/incident", { params: { query: { id: 4211, ids: [1, 2] } } });',
    );
    expect(source).toContain("if (error) throw error;\nconsole.log(data);");
  });

  it("sends a body for writes and checks the status envelope when there is one", () => {
    const source = typescriptSample({
      ...base,
      method: "put",
      query: undefined,
      body: { id: 4211 },
      statusCheck: { info: true },
    });
    expect(source).toContain('await sd.PUT("/incident", { body: { id: 4211 } });');
    expect(source).toContain('if (data.status === "ERROR") throw new Error(data.info);');
  });

  it("reads the files to upload before the call and passes them in the body", () => {
    const source = typescriptSample({
      ...base,
      method: "post",
      path: "/kb.articles.attachments",
      query: undefined,
      body: { article_id: 310, attachments: [new TsCode("biosRecovery")] },
      statusCheck: false,
      files: [{ variable: "biosRecovery", fileName: "bios-recovery.pdf", type: "application/pdf" }],
    });
    expect(source.split("\n")[0]).toBe('import { readFile } from "node:fs/promises";');
    expect(source).toContain(
      'const biosRecovery = new File([await readFile("bios-recovery.pdf")], "bios-recovery.pdf", {',
    );
    expect(source).toContain(
      'await sd.POST("/kb.articles.attachments", { body: { article_id: 310, attachments: [biosRecovery] } });',
    );
    expect(source.indexOf("new File(")).toBeLessThan(source.indexOf("await sd.POST("));
  });

  it("imports nothing from node:fs when no file travels", () => {
    expect(typescriptSample({ ...base, query: { id: 4211 } })).not.toContain("node:fs");
  });

  it("passes no init object when there is nothing to send", () => {
    expect(typescriptSample({ ...base, path: "/sd.version", query: undefined })).toContain(
      'await sd.GET("/sd.version");',
    );
  });
});

describe("tsLiteral", () => {
  it("writes short values on one line, with identifier keys unquoted", () => {
    expect(tsLiteral({ id: 1, "lt-0457": "x", on: true, none: null }, "")).toBe(
      '{ id: 1, "lt-0457": "x", on: true, none: null }',
    );
  });

  it("breaks long values one member per line with trailing commas", () => {
    const text = "a".repeat(70);
    expect(tsLiteral({ title: text, id: 1 }, "")).toBe(`{\n  title: "${text}",\n  id: 1,\n}`);
  });

  it("writes code references as they are", () => {
    expect(tsLiteral({ attachments: [7001, new TsCode("bootScreen")] }, "")).toBe(
      "{ attachments: [7001, bootScreen] }",
    );
  });

  it("escapes strings as JSON does", () => {
    expect(tsLiteral('say "hi"\n', "")).toBe('"say \\"hi\\"\\n"');
  });
});

describe("fileDeclaration", () => {
  it("reads the file into a File with its name and media type, on one line when it fits", () => {
    expect(fileDeclaration({ variable: "a", fileName: "a.jpg", type: "image/jpeg" })).toBe(
      'const a = new File([await readFile("a.jpg")], "a.jpg", { type: "image/jpeg" });',
    );
    expect(
      fileDeclaration({ variable: "bootScreen", fileName: "boot-screen.jpg", type: "image/jpeg" }),
    ).toBe(
      'const bootScreen = new File([await readFile("boot-screen.jpg")], "boot-screen.jpg", {\n  type: "image/jpeg",\n});',
    );
  });
});
