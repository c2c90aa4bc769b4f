// Headers that carry credentials or sessions are never handed to hooks or loggers as they are.

const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie)$/i;

export const REDACTED = "[redacted]";

export function redactHeaders(headers: Headers): Record<string, string> {
  const safe: Record<string, string> = {};
  headers.forEach((value, name) => {
    safe[name] = SECRET_HEADERS.test(name) ? REDACTED : value;
  });
  return safe;
}
