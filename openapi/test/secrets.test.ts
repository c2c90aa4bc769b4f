// Secrets are marked `format: password` in the description: the reference site masks them, and
// the mock's request log reads that mark to hide their values. A parameter whose name says it is
// a secret must carry it.
import { describe, expect, it } from "vitest";
import { operations, resolve, type Json } from "./bundle.js";

const SECRET_NAME = /^(pass|passwd|password|secret|client_secret|token|access_token|api_?key)$/i;

/** Every query parameter and body field of an operation, with its schema. */
function inputs(op: Json): [string, Json][] {
  const found: [string, Json][] = (op.parameters ?? []).map((raw: Json) => {
    const p = resolve(raw);
    return [p.name, resolve(p.schema)];
  });
  const walk = (schema: Json) => {
    const s = resolve(schema);
    for (const [name, property] of Object.entries(s?.properties ?? {})) {
      found.push([name, resolve(property)]);
    }
    for (const part of [...(s?.allOf ?? []), ...(s?.anyOf ?? []), ...(s?.oneOf ?? [])]) walk(part);
  };
  for (const media of Object.values(resolve(op.requestBody)?.content ?? {})) {
    walk((media as Json).schema);
  }
  return found;
}

describe("secret inputs", () => {
  const secrets = operations.flatMap((o) =>
    inputs(o.op)
      .filter(([name]) => SECRET_NAME.test(name))
      .map(([name, schema]) => [`${o.label} ${name}`, schema] as const),
  );

  it("include the passwords of the user operations", () => {
    expect(secrets.map(([label]) => label)).toEqual(
      expect.arrayContaining(["POST /user pass", "PUT /user.password password"]),
    );
  });

  it.each(secrets)("%s is marked format: password", (_, schema) => {
    expect(schema.format).toBe("password");
  });
});
