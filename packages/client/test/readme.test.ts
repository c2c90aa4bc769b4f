// The README's TypeScript examples must compile against the real API of the package: they are
// typechecked here as they are written, each block in a function of its own.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

/** Unused names are expected in examples that only show a call. */
const IGNORED = new Set([6133, 6192, 6196, 6198]);

describe("README examples", () => {
  it("has TypeScript examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it("compile against the package", () => {
    const imports = new Set<string>();
    const bodies = blocks.map((block, index) => {
      const lines = block.split("\n");
      // Import statements move to the top of the file; the rest becomes a function body.
      let inImport = false;
      const body = lines.filter((line) => {
        if (line.startsWith("import ")) inImport = true;
        if (inImport) imports.add(line);
        if (inImport && line.trimEnd().endsWith(";")) {
          inImport = false;
          return false;
        }
        return !inImport;
      });
      return `export async function example${index}() {\n${body.join("\n")}\n}`;
    });
    const source = [
      'import { readFile } from "node:fs/promises";',
      [...imports].join("\n"),
      // The examples after the first use the client it creates.
      'declare const sd: import("@sd-toolkit/client").ServiceDeskClient;',
      ...bodies,
    ].join("\n");

    const config = ts.getParsedCommandLineOfConfigFile(
      `${root}tsconfig.json`,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )!;
    const file = `${root}test/__readme__.ts`;
    const host = ts.createCompilerHost(config.options);
    const { getSourceFile, fileExists, readFile } = host;
    host.fileExists = (name) => name === file || fileExists(name);
    host.readFile = (name) => (name === file ? source : readFile(name));
    host.getSourceFile = (name, version, ...rest) =>
      name === file
        ? ts.createSourceFile(name, source, version)
        : getSourceFile(name, version, ...rest);
    const program = ts.createProgram([file], { ...config.options, noEmit: true }, host);
    const problems = ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .filter((diagnostic) => !IGNORED.has(diagnostic.code))
      .map((diagnostic) => {
        const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
        const at = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        const line = at ? source.split("\n")[at.line] : "";
        return `${text}\n    at: ${line?.trim()}`;
      });
    expect(problems).toEqual([]);
  }, 60_000);
});
