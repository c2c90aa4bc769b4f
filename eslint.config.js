// One lint configuration for every TypeScript and JavaScript file of the monorepo;
// packages run `eslint .` from their own folder and ESLint finds this file upward.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** A no-restricted-imports rule for the files of one layer of apps/mock/src. */
function mockLayer(layer, message, patterns) {
  return [
    {
      files: [`apps/mock/src/${layer}/**/*.ts`],
      rules: {
        "no-restricted-imports": [
          "error",
          { patterns: patterns.map((pattern) => ({ ...pattern, message })) },
        ],
      },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      "**/src/generated/**",
      "**/.turbo/**",
      "**/coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  // The mock's layers point one way (docs/adr/0030): spec/ is a leaf, the front and each engine
  // stand on spec/ only, and only the wiring files at src/ import across. Type-only imports
  // count too: a layer that needs another's type needs the type moved down to spec/.
  ...mockLayer("spec", "spec/ is the leaf: it imports only its own files.", [
    { regex: "^\\.\\./" },
  ]),
  ...mockLayer("front", "front/ imports only spec/ (engines reach it through spec/engine.ts).", [
    { regex: "^\\.\\./(?!spec/)" },
  ]),
  ...["sandbox", "examples", "proxy"].flatMap((engine) =>
    mockLayer(engine, `${engine}/ is an engine: it imports only spec/ and its own files.`, [
      {
        regex: `(^|/)(front|${["sandbox", "examples", "proxy"].filter((e) => e !== engine).join("|")})/`,
      },
      { regex: "^(\\.\\./)+(engines|start-mock|cli|index|control)\\.js$" },
    ]),
  ),
  {
    files: ["**/*.test.ts", "**/*.test-d.ts", "**/test/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/ban-ts-comment": "off",
    },
  },
);
