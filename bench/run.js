#!/usr/bin/env node
/* Runs the project's benchmarks through @swc/register-free on-the-fly compilation (jest's swc transform is not used here):
 * we compile TypeScript with @swc/core's require hook equivalent: transpile each .ts on load. */
"use strict";
if (typeof global.gc !== "function") {
  // re-run with --expose-gc so each timed run starts from a collected heap
  const r = require("node:child_process").spawnSync(process.execPath, ["--expose-gc", __filename, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}
const { transformSync } = require("@swc/core");
const fs = require("node:fs");
const Module = require("node:module");

const compile = (module, filename) => {
  const src = fs.readFileSync(filename, "utf8");
  const { code } = transformSync(src, {
    filename,
    jsc: { parser: { syntax: "typescript", tsx: filename.endsWith(".tsx") }, target: "es2022", transform: { react: { runtime: "automatic" } } },
    module: { type: "commonjs" },
  });
  module._compile(code, filename);
};
Module._extensions[".ts"] = compile;
// Same mapping as jest.config.js: office-addin-mock needs only officeApp.js, not the manifest tool's ESM-laden index.
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "office-addin-manifest") request = require.resolve("office-addin-manifest/lib/officeApp.js");
  return resolve.call(this, request, ...rest);
};
Module._extensions[".tsx"] = compile;

const os = require("node:os");
const only = process.argv[2];
const suites = {
  engine: () => require("./engine.ts").benchEngine(),
  pane: () => require("./pane.ts").benchPane(),
  workbook: () => require("./workbook.ts").benchWorkbook(Number(process.env.RAOCE_BENCH_N || 200), Number(process.env.RAOCE_BENCH_RUNS || 5)),
  office: () => require("./office-syncs.ts").benchOfficeSyncs(),
  functions: () => require("./functions.ts").benchFunctions(),
  deps: () => require("./deps.ts").benchDeps(),
  datastage: () => require("./datastage.ts").benchDatastage(),
  guard: () => require("./guard.ts").benchGuard(),
  portfolio: () => require("./portfolio.ts").benchPortfolio(),
};
const results = [];
(async () => {
  for (const [name, fn] of Object.entries(suites)) {
    if (only && only !== name) continue;
    const r = await fn();
    for (const x of [].concat(r)) results.push(x);
  }
  const cpu = os.cpus()[0]?.model ?? "cpu";
  console.log(`RAOCE bench — ${new Date().toISOString().slice(0, 10)} — node ${process.version} — ${os.cpus().length}× ${cpu}`);
  console.log("| benchmark | baseline | measured | baseline measured | ratio | target |");
  console.log("|---|---|---|---|---|---|");
  // Rows carry {ms, baselineMs} for times, or {value, baselineValue, unit} for counts and sizes (syncs, KB, packages).
  const show = (v, unit) => (unit === "ms" ? `${v.toFixed(1)} ms` : `${Number.isInteger(v) ? v : v.toFixed(1)} ${unit}`);
  for (const r of results) {
    const unit = r.unit ?? "ms";
    const v = r.value ?? r.ms;
    const bv = r.baselineValue ?? r.baselineMs;
    console.log(`| ${r.name} | ${r.baseline} | ${show(v, unit)} | ${show(bv, unit)} | ${r.ratio.toFixed(2)}× | ${r.target} |`);
  }
})();
