// Text put into HTML or XML: every character that could start markup is escaped, so values
// from an instance's answers (field names, content types) can never become markup.
const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeMarkup(text: string | number): string {
  return (
    String(text)
      .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
      // Control characters are not allowed in XML 1.0 at all.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "\uFFFD")
  );
}
