/** Jest runs TypeScript through @swc/jest (fast); type errors are caught by `tsc --noEmit` in `npm test`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } } } },
    ],
  },
  // office-addin-mock pulls an ESM-only dependency through office-addin-manifest's index (see conventions.md).
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  // Testing Library's findBy/waitFor wait up to 15 s in jsdom tests (1 s by default: too short on a loaded machine).
  setupFilesAfterEnv: ["<rootDir>/tests/setup-timeouts.ts"],
  testTimeout: 30000,
};
