import { describe, expect, it } from "vitest";
import { curlSample, fileNameOf, shellQuote } from "../src/samples/curl.js";

const url = "https://acme.sd.cloud.invgate.net/api/v1/incident";

describe("curlSample", () => {
  it("sends GET parameters in the query with --get and Basic auth from the environment", () => {
    const source = curlSample({
      method: "get",
      url,
      query: [
        { name: "ids", value: [4211, 4212] },
        { name: "comments", value: true },
      ],
    });
    expect(source).toBe(
      [
        `curl --get '${url}' \\`,
        `  -u "$SD_USER:$SD_PASSWORD" \\`,
        `  --data-urlencode 'ids[]=4211' \\`,
        `  --data-urlencode 'ids[]=4212' \\`,
        `  --data-urlencode 'comments=1'`,
        "",
      ].join("\n"),
    );
  });

  it("keeps DELETE parameters in the query", () => {
    const source = curlSample({ method: "delete", url, query: [{ name: "id", value: 8 }] });
    expect(source.split("\n")[0]).toBe(`curl -X DELETE --get '${url}' \\`);
    expect(source).toContain("--data-urlencode 'id=8'");
  });

  it("omits --get when there is nothing to send", () => {
    expect(curlSample({ method: "get", url, query: [] })).toBe(
      `curl '${url}' \\\n  -u "$SD_USER:$SD_PASSWORD"\n`,
    );
  });

  it("sends writes as a URL-encoded form, naming the method unless it is POST", () => {
    const body = {
      mediaType: "application/x-www-form-urlencoded",
      value: { id: 4211, reassignment: false, key_values: { color: "blue" } },
      fileFields: new Set<string>(),
      exampleName: "x",
    };
    const put = curlSample({ method: "put", url, query: [], body });
    expect(put.split("\n")[0]).toBe(`curl -X PUT '${url}' \\`);
    expect(put).toContain("--data-urlencode 'id=4211'");
    expect(put).toContain("--data-urlencode 'reassignment=0'");
    expect(put).toContain("--data-urlencode 'key_values[color]=blue'");
    expect(curlSample({ method: "post", url, query: [], body }).split("\n")[0]).toBe(
      `curl '${url}' \\`,
    );
  });

  it("names an empty POST explicitly", () => {
    const body = {
      mediaType: "application/x-www-form-urlencoded",
      value: {},
      fileFields: new Set<string>(),
      exampleName: undefined,
    };
    expect(curlSample({ method: "post", url, query: [], body }).split("\n")[0]).toBe(
      `curl -X POST '${url}' \\`,
    );
  });

  it("uploads files with -F and sends text parts literally with --form-string", () => {
    const body = {
      mediaType: "multipart/form-data",
      value: {
        content: "<p>Hold the power button</p>",
        attachments: ["(contents of bios-recovery.pdf)", 7001],
      },
      fileFields: new Set(["attachments"]),
      exampleName: "withFile",
    };
    const source = curlSample({ method: "post", url, query: [], body });
    expect(source).toContain("--form-string 'content=<p>Hold the power button</p>'");
    expect(source).toContain("-F 'attachments[]=@bios-recovery.pdf'");
    // An attachment id is text, not a file.
    expect(source).toContain("--form-string 'attachments[]=7001'");
  });

  it("never contains a literal secret", () => {
    const source = curlSample({ method: "get", url, query: [{ name: "id", value: 1 }] });
    expect(source).toContain('-u "$SD_USER:$SD_PASSWORD"');
  });
});

describe("shellQuote and fileNameOf", () => {
  it("quotes single quotes for POSIX shells", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote("$HOME")).toBe("'$HOME'");
  });

  it("finds the file name an example stands for", () => {
    expect(fileNameOf("(contents of bios-recovery.pdf)", "attachments")).toBe("bios-recovery.pdf");
    expect(fileNameOf("boot-screen.jpg", "attachments")).toBe("boot-screen.jpg");
    expect(fileNameOf("raw bytes", "attachments")).toBe("attachments.bin");
  });
});
