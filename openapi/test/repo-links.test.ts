// Every file the repository's prose points at must be in the repository: Markdown links (and
// their anchors), paths named in code comments, and the tests the mock README's rule rows cite.
// Notes kept outside the repository cannot be followed by a reader (docs/adr/0028).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Build outputs, installed packages and local state: not part of what a reader is given. */
const SKIPPED_DIRS = new Set([
  "node_modules",
  "dist",
  ".turbo",
  ".git",
  "generated",
  ".sandbox",
  "coverage",
  "screenshots",
]);
const CODE = /\.(?:ts|js|mjs|cjs|ya?ml)$/;

function walk(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(join(dir, entry.name), found);
    } else {
      found.push(join(dir, entry.name));
    }
  }
  return found;
}

const exists = (path: string) => {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
};

/** The anchors GitHub gives a Markdown file: heading slugs and `<a id>` targets. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    if (fenced) continue;
    const heading = /^#{1,6} (.+)$/.exec(line);
    if (heading) {
      const slug = heading[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, "")
        .replace(/ /g, "-");
      const count = seen.get(slug) ?? 0;
      seen.set(slug, count + 1);
      anchors.add(count === 0 ? slug : `${slug}-${count}`);
    }
    for (const id of line.matchAll(/<a id="([^"]+)"/g)) anchors.add(id[1]);
  }
  return anchors;
}

/** The comment text of a code file: `//` and `/* *\/` comments, or `#` comments in YAML. */
export function commentsOf(path: string, source: string): string[] {
  if (/\.ya?ml$/.test(path)) {
    return [...source.matchAll(/(?:^|\s)#(.*)$/gm)].map((m) => m[1]);
  }
  return [...source.matchAll(/\/\*[\s\S]*?\*\/|(?<![:"'`\\/])\/\/.*$/gm)].map((m) => m[0]);
}

/** Paths to repository files named in a comment (`docs/wire.md#paging`), or bare Markdown names. */
export function filesNamedIn(comment: string): string[] {
  const text = comment.replace(/\bhttps?:\/\/\S+/g, "");
  const names: string[] = [];
  for (const m of text.matchAll(
    /(?<![\w@./-])((?:\.{1,2}\/)*[\w.-]+(?:\/[\w.<>*-]+)*\.(?:md|ts|js|mjs|cjs|json|ya?ml))(#[\w-]+)?(?![\w/])/g,
  )) {
    const name = m[1];
    const isPath = name.includes("/");
    // Placeholders (`<tag>.ts`, `*.md`), and bare names other than Markdown documents.
    if (/[<>*]/.test(name) || (!isPath && !name.endsWith(".md"))) continue;
    // Build outputs exist only after a build; package specifiers resolve through node_modules.
    if (/(?:^|\/)(?:dist|node_modules|generated)\//.test(name)) continue;
    names.push(name + (m[2] ?? ""));
  }
  return names;
}

const everyFile = walk(root);
const files = everyFile.filter((f) => f.endsWith(".md") || CODE.test(f));
const relativeFiles = everyFile.map((f) => relative(root, f));
const basenames = new Set(relativeFiles.map((f) => f.split("/").pop()));

/** The package folder a file belongs to (the nearest folder with a package.json). */
function workspaceOf(file: string): string {
  let dir = dirname(file);
  while (dir.startsWith(root) && !exists(join(dir, "package.json"))) dir = dirname(dir);
  return dir;
}

function resolveNamed(file: string, name: string): string | undefined {
  if (!name.includes("/")) return basenames.has(name) ? name : undefined;
  const clean = name.replace(/^(?:\.\/)+/, "");
  for (const base of [dirname(file), root, workspaceOf(file), join(workspaceOf(file), "src")]) {
    const candidate = resolve(base, name);
    if (candidate.startsWith(root) && exists(candidate)) return candidate;
  }
  // A path given from inside its own package (`serialize/pairs.ts`, `records/requests.ts`).
  return relativeFiles.find((f) => f.endsWith(`/${clean}`));
}

const anchorCache = new Map<string, Set<string>>();
const anchorsIn = (path: string) => {
  if (!anchorCache.has(path)) anchorCache.set(path, anchorsOf(readFileSync(path, "utf8")));
  return anchorCache.get(path)!;
};

describe("references to files of the repository", () => {
  it("finds the file of every relative Markdown link, and its anchor", () => {
    const broken: string[] = [];
    // The guides are rendered into the reference site, so their links resolve against it.
    const guides = join(root, "apps/docs/guides");
    for (const file of files.filter((f) => f.endsWith(".md") && !f.startsWith(guides))) {
      const text = readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const [path, anchor] = target.split("#");
        const resolved = path ? resolve(dirname(file), path) : file;
        const where = `${relative(root, file)} -> ${target}`;
        if (!resolved.startsWith(root) || !exists(resolved)) broken.push(`${where}: no such file`);
        else if (anchor && resolved.endsWith(".md") && !anchorsIn(resolved).has(anchor))
          broken.push(`${where}: no such anchor`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("finds every file a code comment names, and its anchor", () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => CODE.test(f))) {
      for (const comment of commentsOf(file, readFileSync(file, "utf8"))) {
        for (const named of filesNamedIn(comment)) {
          const [name, anchor] = named.split("#");
          const found = resolveNamed(file, name);
          const where = `${relative(root, file)}: ${named}`;
          if (!found) broken.push(`${where}: no such file`);
          else if (anchor && name.endsWith(".md") && !anchorsIn(resolve(root, found)).has(anchor))
            broken.push(`${where}: no such anchor`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("finds the test each rule row of the mock README cites, by file and name", () => {
    const readme = join(root, "apps/mock/README.md");
    const rows = readFileSync(readme, "utf8")
      .split("\n")
      .filter((l) => l.includes('<a id="rule-'));
    expect(rows.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const row of rows) {
      const cited = /\]\((test\/[^)]+)\) “([^”]+)”/.exec(row);
      const id = /id="([^"]+)"/.exec(row)![1];
      if (!cited) {
        missing.push(`${id}: no test cited`);
        continue;
      }
      const testFile = join(root, "apps/mock", cited[1]);
      if (!exists(testFile)) missing.push(`${id}: ${cited[1]} does not exist`);
      else if (!readFileSync(testFile, "utf8").includes(cited[2]))
        missing.push(`${id}: ${cited[1]} has no test "${cited[2]}"`);
    }
    expect(missing).toEqual([]);
  });
});

describe("the reference finder", () => {
  it("reports names of files the repository lacks, in comments and as bare names", () => {
    // Comment markers are assembled so that this file's own scan does not read them.
    const [line, open, close] = ["/" + "/", "/" + "*", "*" + "/"];
    const comments = commentsOf(
      "x.ts",
      [
        `${line} NOTES.md 2 (U8, observed): HTTP 409.`,
        `${open} see docs/no-such-notes.md and docs/wire.md#paging ${close}`,
        `const url = "https:${line}example.com/a/b.md"; ${line} a page: https:${line}x.org/c.md`,
      ].join("\n"),
    );
    expect(comments.flatMap(filesNamedIn)).toEqual([
      "NOTES.md",
      "docs/no-such-notes.md",
      "docs/wire.md#paging",
    ]);
    expect(resolveNamed(join(root, "x.ts"), "NOTES.md")).toBeUndefined();
    expect(resolveNamed(join(root, "x.ts"), "docs/no-such-notes.md")).toBeUndefined();
    expect(resolveNamed(join(root, "x.ts"), "docs/wire.md")).toBeDefined();
  });

  it("reads anchors as GitHub makes them from headings and <a id>", () => {
    const anchors = anchorsOf(
      '# The request lifecycle\n## OAuth 2.0\n## Encoding (PHP\'s rules)\n| <a id="rule-get-x"></a>`GET /x` |',
    );
    expect([...anchors]).toEqual([
      "the-request-lifecycle",
      "oauth-20",
      "encoding-phps-rules",
      "rule-get-x",
    ]);
  });
});
