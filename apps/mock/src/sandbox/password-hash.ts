// How the sandbox keeps a password a test sets (POST /user, PUT /user.password): salted and
// stretched with scrypt, so a tenant's file or snapshot, copied off a machine, does not give
// the passwords back by a lookup table, as an unsalted SHA-256 would. The cost is kept low
// (N = 4096, a few milliseconds), since the sandbox only stores these and a high cost would
// let one tenant's writes slow every other tenant.
import { randomBytes, scryptSync } from "node:crypto";

const N = 4096;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

/** `scrypt:N=4096,r=8,p=1:<salt>:<hash>`, Base64; a new salt each time. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, KEY_BYTES, { N, r: R, p: P });
  return `scrypt:N=${N},r=${R},p=${P}:${salt.toString("base64")}:${hash.toString("base64")}`;
}
