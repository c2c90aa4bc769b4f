import { describe, expect, it } from "vitest";
import {
  locateRenderer,
  minifyCss,
  minifyQuasis,
  minifyRendererStyles,
  minifyStyleTemplates,
  readsAsCss,
} from "../src/html/minify-styles.js";

const HOLE = "\u0000";

describe("minifyCss", () => {
  it("drops comments and whitespace as stylis would", () => {
    expect(
      minifyCss(
        "\n  /**\n   * @tokens Buttons\n   */\n  --button-gap: 4px; // @presenter Spacing\n  .a  .b  {\n    margin : 0 ;\n  }\n",
      ),
    ).toBe(" --button-gap: 4px;.a .b{margin : 0;}");
  });

  it("keeps quoted strings, parenthesised values and escapes as they are", () => {
    const css = `content: "a  //  b /* c */";\n  background: url( data:image/svg+xml;utf8,<svg  x="1"/> );\n  font-family: 'A  B';\n  content: "\\ea01  x";`;
    expect(minifyCss(css)).toBe(
      `content: "a  //  b /* c */";background: url( data:image/svg+xml;utf8,<svg  x="1"/> );font-family: 'A  B';content: "\\ea01  x";`,
    );
    expect(minifyCss("width: calc(\n    100% - var(--a, 0px)\n  );")).toBe(
      "width: calc(\n    100% - var(--a, 0px)\n  );",
    );
  });

  it("keeps one space at either end, where the template may meet other text", () => {
    expect(minifyCss("\n  color: red\n")).toBe(" color: red ");
    expect(minifyCss("color: red;\n")).toBe("color: red;");
  });

  it("gives up on an unclosed comment, quote or parenthesis", () => {
    expect(minifyCss("a: b; /* open")).toBeNull();
    expect(minifyCss('content: "open')).toBeNull();
    expect(minifyCss("width: calc(1px")).toBeNull();
  });
});

describe("minifyQuasis", () => {
  it("keeps every interpolation in place", () => {
    expect(minifyQuasis(["\n  width: ", ";\n  border: 1px solid ", ";\n  ", "\n"])).toEqual([
      " width: ",
      ";border: 1px solid ",
      ";",
      " ",
    ]);
  });

  it("leaves a template alone when a comment spans an interpolation", () => {
    expect(minifyQuasis(["a: b; /* ", " */"])).toBeNull();
  });

  it("never turns `$ {` into an interpolation", () => {
    expect(minifyQuasis(["a: $ {b}"])).toBeNull();
  });
});

describe("readsAsCss", () => {
  it("tells CSS from other template text", () => {
    expect(readsAsCss(`\n  display: flex;\n  ${HOLE}\n  &:hover { color: ${HOLE}; }\n`)).toBe(true);
    expect(readsAsCss("(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\\-#;/?:@&=+$,_.!~*'()])")).toBe(false);
    expect(readsAsCss('<div class="a">Hello</div>')).toBe(false);
  });
});

describe("minifyStyleTemplates", () => {
  const script = [
    "const a = styled.div`\n  display: flex; // @presenter Layout\n  gap: ${(p) => p.gap};\n`;",
    "const b = styled.span`\n  /* note */\n  color: red;\n`;",
    "const c = styled(a)`\n  margin: 0;\n`;",
    "const d = String.raw`a  b`, e = String.raw`c  d`, f = String.raw`e  f`;",
    "const g = html`<p>  x  </p>`;",
  ].join("\n");

  it("minifies the templates of style tags only", () => {
    const { code, templates } = minifyStyleTemplates(script);
    expect(templates).toBe(3);
    expect(code).toContain("styled.div` display: flex;gap: ${(p) => p.gap};`");
    expect(code).toContain("styled.span` color: red;`");
    expect(code).toContain("styled(a)` margin: 0;`");
    expect(code).toContain("String.raw`a  b`");
    expect(code).toContain("html`<p>  x  </p>`");
  });
});

describe("minifyRendererStyles", () => {
  const renderer = [
    "const a = L.div`\n  display: flex;\n`;",
    "const b = L.p`\n  color: red;\n`;",
    "const c = L.a`\n  color: blue;\n`;",
    "export { a as hydrate };",
  ].join("\n");
  const page = `<html><head><script>var x = 1;</script></head><body><div id="redoc"></div><script type="module">\n      ${renderer}\n\n      const __redoc_definition = {"openapi":"3.1.0"};\n      const __redoc_options = {};\n\n      hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));\n      </script></body></html>`;

  it("finds the renderer in the page and minifies its styles, nothing else", () => {
    const { start, end } = locateRenderer(page);
    expect(page.slice(start, end)).toContain("L.div`");
    expect(page.slice(end)).toMatch(/^const __redoc_definition/);
    const { html, templates, saved } = minifyRendererStyles(page);
    expect(templates).toBe(3);
    expect(saved).toBe(Buffer.byteLength(page) - Buffer.byteLength(html));
    expect(html).toContain("L.div` display: flex;`");
    expect(html).toContain('const __redoc_definition = {"openapi":"3.1.0"};');
    expect(html.startsWith("<html><head><script>var x = 1;</script>")).toBe(true);
  });

  it("refuses a page without the inline renderer", () => {
    expect(() => minifyRendererStyles("<html><body></body></html>")).toThrow(/inline renderer/);
  });
});
