// Compiles TypeScript samples in memory against the declarations of @sd-toolkit/client, as a
// reader's strict project would. The samples are served to the compiler as virtual files inside
// this package, so "@sd-toolkit/client" resolves through the workspace's node_modules to the
// built client (packages/client/dist) and its generated types.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const virtualDir = join(packageRoot, ".samples");

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  types: ["node"],
  strict: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  skipLibCheck: true,
};

/** Diagnostics of one sample, formatted with its line and column. */
export type SampleDiagnostics = Map<string, string[]>;

/**
 * Type-checks every sample (name → source) in one program; ESM files (`.mts`), so top-level
 * await is allowed as in the samples.
 */
export function compileSamples(samples: Map<string, string>): SampleDiagnostics {
  const files = new Map(
    [...samples].map(([name, source]) => [join(virtualDir, `${name}.mts`), source]),
  );
  const host = ts.createCompilerHost(OPTIONS, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
  host.readFile = (file) => files.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError, shouldCreate) => {
    const source = files.get(file);
    return source === undefined
      ? getSourceFile.call(host, file, language, onError, shouldCreate)
      : ts.createSourceFile(file, source, language, true);
  };

  const program = ts.createProgram([...files.keys()], OPTIONS, host);
  const result: SampleDiagnostics = new Map([...samples.keys()].map((name) => [name, []]));
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()];
  if (global.length > 0) throw new Error(`The compiler setup is broken:\n${format(global)}`);
  for (const [name] of samples) {
    const file = program.getSourceFile(join(virtualDir, `${name}.mts`));
    if (!file) throw new Error(`Sample ${name} did not reach the compiler`);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(file),
      ...program.getSemanticDiagnostics(file),
    ];
    result.set(
      name,
      diagnostics.map((diagnostic) => format([diagnostic])),
    );
  }
  return result;
}

function format(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => packageRoot,
    getNewLine: () => "\n",
  });
}
