import { describe, expect, it } from "vitest";
import { TsCode } from "../src/samples/typescript.js";
import { mediaTypeOf, variableFor, withFileUploads } from "../src/samples/uploads.js";

const multipart = "multipart/form-data";

describe("withFileUploads", () => {
  it("replaces file contents by variables of files named after the example", () => {
    const { value, files } = withFileUploads({
      mediaType: multipart,
      value: { article_id: 310, attachments: ["(contents of bios-recovery.pdf)"] },
      fileFields: new Set(["attachments"]),
      exampleName: "pdfGuide",
    });
    expect(files).toEqual([
      { variable: "biosRecovery", fileName: "bios-recovery.pdf", type: "application/pdf" },
    ]);
    expect(value).toEqual({ article_id: 310, attachments: [new TsCode("biosRecovery")] });
  });

  it("keeps attachment ids, reads a file used twice once, and leaves other fields alone", () => {
    const { value, files } = withFileUploads({
      mediaType: multipart,
      value: {
        comment: "boot-screen.jpg is attached",
        attachments: [7001, "boot-screen.jpg", "(binary content of boot-screen.jpg)"],
      },
      fileFields: new Set(["attachments"]),
      exampleName: undefined,
    });
    expect(files.map(({ variable }) => variable)).toEqual(["bootScreen"]);
    expect(value).toEqual({
      comment: "boot-screen.jpg is attached",
      attachments: [7001, new TsCode("bootScreen"), new TsCode("bootScreen")],
    });
  });

  it("uploads nothing when the example has no file contents", () => {
    const { files } = withFileUploads({
      mediaType: multipart,
      value: { request_id: 4211, values: ["LT-0457"] },
      fileFields: new Set(),
      exampleName: undefined,
    });
    expect(files).toEqual([]);
  });
});

describe("variableFor", () => {
  it("camel-cases the base name and keeps names unique and valid", () => {
    expect(variableFor("boot-screen.jpg", new Set())).toBe("bootScreen");
    expect(variableFor("boot-screen.png", new Set(["bootScreen"]))).toBe("bootScreen2");
    expect(variableFor("2026 report.pdf", new Set())).toBe("file2026Report");
    expect(variableFor("data.csv", new Set())).toBe("fileData");
  });
});

describe("mediaTypeOf", () => {
  it("knows the files of the data set and falls back to octet-stream", () => {
    expect(mediaTypeOf("boot-screen.jpg")).toBe("image/jpeg");
    expect(mediaTypeOf("bios-recovery.PDF")).toBe("application/pdf");
    expect(mediaTypeOf("dump.bin")).toBe("application/octet-stream");
  });
});
