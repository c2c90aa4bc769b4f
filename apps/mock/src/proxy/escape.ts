// Text put into HTML or XML: every character that could start markup is escaped, so values
// from an instance's answers (field names, content types) can never become markup.
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Control characters XML 1.0 does not allow at all (tab, newline and return are fine). */
function isForbiddenControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
}

export function escapeMarkup(text: string | number): string {
  let out = "";
  for (const char of String(text)) {
    const entity = ENTITIES[char];
    out += entity ?? (isForbiddenControl(char.charCodeAt(0)) ? "\uFFFD" : char);
  }
  return out;
}
