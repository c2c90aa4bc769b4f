// Finding 12 of the security review: the data folder was created 0755 and its files 0644,
// passwords were kept as unsalted SHA-256, and an empty --data-dir wrote into the working
// folder. Now: 0700, 0600, scrypt with a salt, and an empty folder name is refused.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/front/config.js";
import { startMock } from "../../src/index.js";
import { basic } from "./basic.js";

const parent = mkdtempSync(join(tmpdir(), "sd-files-"));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const mode = (path: string) => statSync(path).mode & 0o777;

describe("files on disk", () => {
  it("creates the data folder 0700 and every tenant file 0600, passwords salted", async () => {
    const dataDir = join(parent, "data");
    const mock = await startMock({ port: 0, memory: false, dataDir });
    try {
      const response = await fetch(`${mock.apiUrl}/user`, {
        method: "POST",
        headers: {
          authorization: basic("files"),
          "content-type": "application/x-www-form-urlencoded",
        },
        body: "name=Ada&lastname=Lovelace&email=ada%40example.com&pass=Hunter2",
      });
      expect(response.status).toBe(200);
      expect(mode(dataDir)).toBe(0o700);
      const files = readdirSync(dataDir);
      expect(files.some((file) => file.endsWith(".sqlite-wal"))).toBe(true);
      for (const file of files) expect([file, mode(join(dataDir, file))]).toEqual([file, 0o600]);
      const { DatabaseSync } = await import("node:sqlite");
      const db = new DatabaseSync(
        join(
          dataDir,
          files.find((f) => f.endsWith(".sqlite"))!,
        ),
        {
          readOnly: true,
        },
      );
      const rows = db.prepare("SELECT body FROM records WHERE kind = 'user_password'").all() as {
        body: string;
      }[];
      db.close();
      expect(rows).toHaveLength(1);
      const stored = (JSON.parse(rows[0]!.body) as { digest: string }).digest;
      expect(stored).toMatch(/^scrypt:N=4096,r=8,p=1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      expect(stored).not.toContain(createHash("sha256").update("Hunter2").digest("hex"));
    } finally {
      await mock.close();
    }
  });

  it("refuses an empty data folder instead of writing into the working folder", async () => {
    expect(() => readConfig(["--data-dir", ""], {})).toThrow(/--data-dir\) is empty/);
    expect(() => readConfig([], { MOCK_DATA_DIR: " " })).toThrow(/is empty/);
    await expect(startMock({ port: 0, memory: false, dataDir: "" })).rejects.toThrow(
      /data folder is empty/,
    );
  });
});
