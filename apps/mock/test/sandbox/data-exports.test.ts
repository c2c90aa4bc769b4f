// Data Exports in sandbox mode: a configured report answers its download address; a report
// the instance does not have is refused with status ERROR.
import { describe, expect } from "vitest";
import { sandboxTest } from "../support/sandbox-fixture.js";

const it = sandboxTest({
  seed: {
    extends: "builtin",
    records: {
      data_export: [
        {
          id: 2,
          status: "OK",
          uuid: "0b6e2d41-93a7-4c55-8f10-6d2e7c9a4b38",
          name: "Monthly closed requests",
          url: "https://acme.sd.cloud.invgate.net/data-export/0b6e2d41-93a7-4c55-8f10-6d2e7c9a4b38.csv",
        },
      ],
    },
  },
});

describe("data exports", () => {
  it("answers the download address of each configured report", async ({ client }) => {
    const sd = client("exports");
    const weekly = await sd.GET("/data.export", {
      params: { query: { id: "3f1c9a52-7d4e-4b8a-9c1e-2a6b5d8f0e17" } },
    });
    expect(weekly.data).toEqual({
      status: "OK",
      url: "https://acme.sd.cloud.invgate.net/data-export/3f1c9a52-7d4e-4b8a-9c1e-2a6b5d8f0e17.csv",
    });
    const monthly = await sd.GET("/data.export", {
      params: { query: { id: "0B6E2D41-93A7-4C55-8F10-6D2E7C9A4B38" } },
    });
    expect(monthly.data).toMatchObject({ status: "OK", url: expect.stringMatching(/0b6e2d41/) });
  });

  it("refuses a report the instance does not have", async ({ client }) => {
    const { data, response } = await client("exports").GET("/data.export", {
      params: { query: { id: "00000000-0000-4000-8000-000000000000" } },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ status: "ERROR", info: expect.stringMatching(/00000000/) });
  });
});
