// Headers that carry credentials or sessions are never handed to hooks or loggers as they are.

// Headers#forEach yields lower-case names, so the pattern needs no `i` flag.
const SECRET_HEADERS = /^((proxy-)?authorization|(set-)?cookie)$/;

export function redactHeaders(headers: Headers): Record<string, string> {
  const safe: Record<string, string> = {};
  headers.forEach((value, name) => {
    safe[name] = SECRET_HEADERS.test(name) ? "[redacted]" : value;
  });
  return safe;
}
