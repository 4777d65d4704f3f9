#!/usr/bin/env node
/*
 * `npm run examples`: builds examples/*.xlsx from examples/json/*.json — each report document typed into a fresh
 * copy of the RAOCE template (inputs only, as a user would leave it; `raoce fill` computes the outputs).
 * Uses the compiled CLI modules in lib/ (`npm run build:cli`). Deterministic content; the zip bytes carry timestamps.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const lib = path.join(root, "lib", "workbook");
if (!fs.existsSync(path.join(lib, "template.js"))) {
  console.error("make-examples: falta compilar; ejecute `npm run build:cli`");
  process.exit(2);
}
const { templateBuffer } = require(path.join(lib, "template.js"));
const { writeInputs } = require(path.join(lib, "exceljs-adapter.js"));
const { openWorkbookBuffer, saveWorkbookFile } = require(path.join(lib, "xlsx-file.js"));
const { analyzeSnapshot } = require(path.join(lib, "analyze.js"));
const { buildMarkFiledPlan } = require(path.join(lib, "mark-filed.js"));

/**
 * `_filing` in an example: mark the program as filed (as `raoce presentado` does, on the given date), then type the
 * `afterwards` values — a figure changed after filing, i.e. a correction that calls for the letter.
 */
async function markFiled(opened, doc) {
  const f = doc._filing;
  const snapshot = await opened.adapter.read();
  const a = analyzeSnapshot(snapshot, f.markedOn, { asOf: f.markedOn });
  if (!a.usable) throw new Error(a.reason);
  const m = buildMarkFiledPlan(a, snapshot, { filedOn: f.filedOn, folio: f.folio, preparedBy: f.preparedBy, reviewedBy: f.reviewedBy, markedOn: f.markedOn });
  if (!m.ok) throw new Error(m.reason);
  await opened.adapter.apply(m.plan);
  const after = { ...doc, ...f.afterwards, programs: doc.programs.map((p, i) => (i === 0 ? { ...p, filedOn: f.filedOn, folio: f.folio } : p)) };
  delete after._filing;
  writeInputs(opened.workbook, after);
}

(async () => {
  const jsonDir = path.join(root, "examples", "json");
  const template = await templateBuffer();
  const files = fs.readdirSync(jsonDir).filter((f) => f.endsWith(".json")).sort();
  for (const f of files) {
    const doc = JSON.parse(fs.readFileSync(path.join(jsonDir, f), "utf8"));
    const opened = await openWorkbookBuffer(template);
    const { workbook } = opened;
    writeInputs(workbook, doc);
    if (doc._filing) await markFiled(opened, doc);
    const out = path.join(root, "examples", f.replace(/\.json$/, ".xlsx"));
    await saveWorkbookFile(workbook, out);
    console.log(`examples/${path.basename(out)}  ←  examples/json/${f}`);
  }
})().catch((e) => {
  console.error(`make-examples: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
