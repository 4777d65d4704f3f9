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

(async () => {
  const jsonDir = path.join(root, "examples", "json");
  const template = await templateBuffer();
  const files = fs.readdirSync(jsonDir).filter((f) => f.endsWith(".json")).sort();
  for (const f of files) {
    const doc = JSON.parse(fs.readFileSync(path.join(jsonDir, f), "utf8"));
    const { workbook } = await openWorkbookBuffer(template);
    writeInputs(workbook, doc);
    const out = path.join(root, "examples", f.replace(/\.json$/, ".xlsx"));
    await saveWorkbookFile(workbook, out);
    console.log(`examples/${path.basename(out)}  ←  examples/json/${f}`);
  }
})().catch((e) => {
  console.error(`make-examples: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
