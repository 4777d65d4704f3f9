// ESLint flat config: @eslint/js + typescript-eslint recommended, plus the Office.js rules of
// eslint-plugin-office-addins (its own presets bundle prettier and an older typescript-eslint, so only the plugin
// object is registered here and the two rules the team's conventions ask for are turned on).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "coverage/**", "node_modules/**", "tmp/**", ".scratch/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", OfficeRuntime: "readonly" },
    },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // load-before-read is about Office.js proxies; on ExcelJS or plain objects it only misfires.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/workbook/office/**/*.ts", "src/functions/**/*.ts", "src/commands/**/*.ts"],
    rules: { "office-addins/load-object-before-read": "error" },
  },
  {
    files: ["tests/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    files: ["**/*.{js,cjs}", "scripts/**/*.js", "bench/**/*.js", "bin/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
