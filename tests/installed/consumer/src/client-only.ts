// The client and the types alone, compiled with the rest and run on the oldest Node they
// claim (20.19): reads request 4211 from a mock whose URL comes in SD_MOCK_API_URL.
import { createServiceDeskClient } from "@sd-toolkit/client";
import type { QueryParams } from "@sd-toolkit/types";

const baseUrl = process.env["SD_MOCK_API_URL"];
if (!baseUrl) throw new Error("set SD_MOCK_API_URL to the mock's API URL");
const sd = createServiceDeskClient({
  baseUrl,
  auth: { username: "installed-test", password: "any" },
});
const query: QueryParams<"/incident", "get"> = { id: 4211 };
const { data, error } = await sd.GET("/incident", { params: { query } });
// `false` is the answer for an unknown id.
if (error !== undefined || !data) throw new Error("GET /incident failed");
console.log(JSON.stringify({ node: process.version, id: data.id, title: data.title }));
