// Markup stripped from stored text in one pass. A regular expression such as /<[^>]*>/g
// restarts at every `<` that has no `>` after it, so text made of many `<` costs time in the
// square of its length; this scan looks at each character once.

/** `text` with every `<...>` tag replaced by a space; an unclosed `<` and what follows stay. */
export function stripMarkup(text: string): string {
  let out = "";
  let from = 0;
  let open = text.indexOf("<");
  while (open !== -1) {
    const close = text.indexOf(">", open + 1);
    // No `>` after this `<`: no later `<` can close either, so the rest is kept as it is.
    if (close === -1) break;
    // The tag runs from this `<` to the first `>` after it, `<` inside included, as the
    // expression /<[^>]*>/ matched it.
    out += `${text.slice(from, open)} `;
    from = close + 1;
    open = text.indexOf("<", from);
  }
  return out + text.slice(from);
}
