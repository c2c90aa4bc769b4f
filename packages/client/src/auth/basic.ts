// HTTP Basic credentials. The pair is UTF-8 encoded before base64 (RFC 7617), so passwords
// outside Latin-1 work; plain btoa() would throw on them.

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${username}:${password}`)))}`;
}
