import { describe, expect, it } from "vitest";
import {
  assertTelemetryOff,
  localiseAssets,
  LOCAL_LOGO,
  outsideAssetReferences,
  REDOC_LOGO_URLS,
} from "../src/html/offline.js";

describe("localiseAssets", () => {
  it("replaces the badge logos loaded from the CDN by an inline image", () => {
    const page = `<script>const a=\`${REDOC_LOGO_URLS[0]}\`, b=\`${REDOC_LOGO_URLS[1]}\`;</script>`;
    const { html, replaced } = localiseAssets(page);
    expect(replaced).toEqual(REDOC_LOGO_URLS);
    expect(html).not.toContain("cdn.redoc.ly");
    expect(html).toContain(LOCAL_LOGO);
    expect(LOCAL_LOGO.startsWith("data:image/svg+xml,")).toBe(true);
  });

  it("reports nothing when there is nothing to replace", () => {
    expect(localiseAssets("<p>hi</p>")).toEqual({ html: "<p>hi</p>", replaced: [] });
  });
});

describe("assertTelemetryOff", () => {
  it("accepts a page started with telemetry disabled", () => {
    expect(() =>
      assertTelemetryOff('const __redoc_options = {"skipBundle":true,"disableTelemetry":true};'),
    ).not.toThrow();
  });

  it("refuses a page with telemetry on, or whose options cannot be found", () => {
    expect(() => assertTelemetryOff('const __redoc_options = {"disableTelemetry":false};')).toThrow(
      /Telemetry is on/,
    );
    expect(() => assertTelemetryOff("<html></html>")).toThrow(/no __redoc_options/);
  });
});

describe("outsideAssetReferences", () => {
  it("finds what a browser would load from other hosts", () => {
    const page = [
      '<script src="https://cdn.example.com/redoc.js"></script>',
      '<link rel="stylesheet" href="//fonts.example.com/css">',
      '<img src="https://img.example.com/logo.svg">',
      "<style>@import url('https://fonts.example.com/font.css'); body { background: url(https://img.example.com/bg.png) }</style>",
      '<script type="module">import { hydrate } from "https://cdn.example.com/bundle.js";</script>',
    ].join("\n");
    expect(outsideAssetReferences(page).sort()).toEqual(
      [
        "//fonts.example.com/css",
        "https://cdn.example.com/bundle.js",
        "https://cdn.example.com/redoc.js",
        "https://fonts.example.com/font.css",
        "https://img.example.com/bg.png",
        "https://img.example.com/logo.svg",
      ].sort(),
    );
  });

  it("ignores links a reader clicks, local assets and URLs that are only text in scripts", () => {
    const page = [
      '<a href="https://redocly.com/redoc/">Redoc</a>',
      '<link rel="icon" href="data:,">',
      '<img src="logo.svg">',
      '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">',
      '<script>const docs = "https://redocly.com/docs/cli/";</script>',
    ].join("\n");
    expect(outsideAssetReferences(page)).toEqual([]);
  });
});
