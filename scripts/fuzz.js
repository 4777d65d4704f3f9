#!/usr/bin/env node
/*
 * `npm run fuzz [-- <jest args>]`: the trust properties of tests/trust with many more cases than `npm test` runs.
 *   FUZZ_RUNS  base number of cases of a cheap property (default here 20000; `npm test` uses 100) — each property
 *              scales it by its cost (tests/trust/fuzz-config.ts);
 *   FUZZ_SEED  base seed (default: the fixed one of fuzz-config.ts), FUZZ_PATH to replay one failure.
 * Prints the cases run per property, their total, the seed and the time. Exit code: jest's.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const report = path.join(os.tmpdir(), `raoce-fuzz-${process.pid}.jsonl`);
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS || "20000", FUZZ_REPORT: report };
const args = [require.resolve("jest/bin/jest", { paths: [root] }), "tests/trust", "--testTimeout=7200000", ...process.argv.slice(2)];

const started = Date.now();
const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: "inherit" });
const seconds = ((Date.now() - started) / 1000).toFixed(1);

let lines = [];
try {
  lines = fs.readFileSync(report, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  fs.unlinkSync(report);
} catch {
  // no property ran (a filter matched nothing, or jest failed to start)
}
const total = lines.reduce((n, l) => n + l.cases, 0);
console.log(`\nraoce fuzz: FUZZ_RUNS=${env.FUZZ_RUNS} FUZZ_SEED=${lines[0]?.seed ?? process.env.FUZZ_SEED ?? "(default)"}`);
for (const l of lines.sort((a, b) => a.name.localeCompare(b.name))) console.log(`  ${String(l.cases).padStart(7)}  ${l.name}${l.failed ? "  ✕ FAILED" : ""}`);
console.log(`  ${String(total).padStart(7)}  cases in ${lines.length} properties, ${seconds} s`);
process.exitCode = r.status ?? 1;
