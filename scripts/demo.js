#!/usr/bin/env node
/*
 * `npm run demo`: the product's main jobs on the bundled examples, with the compiled CLI (bin/raoce.js → lib/):
 *   1. raoce deadlines — the 2025 calendar;
 *   2. raoce check examples/*.xlsx — one summary per workbook, every problem located at its cell;
 *   3. raoce fill — each example filled into .scratch/demo/ (the examples themselves are never modified);
 *   4. raoce check --json on one filled copy — what an integration would read.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const raoce = path.join(root, "bin", "raoce.js");
const rel = (p) => (path.isAbsolute(p) ? path.relative(root, p) : p);
const run = (args, { quiet = false, only = null } = {}) => {
  console.log(`\n$ raoce ${args.map(rel).join(" ")}`);
  const r = spawnSync(process.execPath, [raoce, ...args], { cwd: root, encoding: "utf8" });
  if (only) for (const line of r.stdout.split("\n")) if (only.test(line)) console.log(line);
  if (!quiet && !only) process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  console.log(`(código de salida ${r.status})`);
  return r;
};

const examples = fs
  .readdirSync(path.join(root, "examples"))
  .filter((f) => f.endsWith(".xlsx"))
  .sort()
  .map((f) => path.join("examples", f));
if (examples.length === 0) {
  console.error("demo: no hay libros en examples/; ejecute `npm run examples`");
  process.exit(1);
}
const scratch = path.join(".scratch", "demo");
fs.mkdirSync(path.join(root, scratch), { recursive: true });

console.log("RAOCE para Excel — demostración de la CLI");
run(["deadlines", "--year", "2025", "--programs", "IMMEX,PROSEC,ALTEX"]);
run(["check", ...examples]);
for (const f of examples) {
  run(["fill", f, "--out", path.join(scratch, path.basename(f))], { only: /^ {2}(\d+ error|Sin problemas|Resultados escritos)/ });
}
const r = run(["check", path.join(scratch, "prosec-cafe.xlsx"), "--json"], { quiet: true });
const body = JSON.parse(r.stdout);
console.log(
  JSON.stringify(
    body.map((x) => ({ file: rel(x.file), company: x.result.company, programs: x.result.programs.map((p) => ({ type: p.type, status: p.status, due: p.deadlines && p.deadlines.due })), issues: x.issues.length })),
    null,
    2,
  ),
);
console.log(`\nLos libros llenados están en ${rel(scratch)}/ (ábralos en Excel: hojas Programas, Problemas y Captura VUCEM).`);
