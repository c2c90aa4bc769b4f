// The smallest program of `npm run bench:types`: it only creates a client. What it costs the
// compiler is what every project that imports the client pays before its first call.
import { createServiceDeskClient } from "@sd-toolkit/client";

export const sd = createServiceDeskClient({
  instance: "acme.sd.cloud.invgate.net",
  auth: { username: "api", password: "secret" },
});
