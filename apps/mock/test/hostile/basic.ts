// Basic credentials of a tenant, for the hostile-client tests.
export const basic = (user: string, password = "secret") =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
