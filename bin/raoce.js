#!/usr/bin/env node
"use strict";
// Thin launcher: the CLI is compiled to lib/ by `npm run build:cli` (run automatically by `npm install`).
const path = require("node:path");
const fs = require("node:fs");
const main = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(main)) {
  process.stderr.write("raoce: falta compilar la CLI; ejecute `npm run build:cli` (o `npm install`)\n");
  process.exit(2);
}
require(main).run(process.argv.slice(2)).then(
  (r) => {
    if (r.stdout) process.stdout.write(r.stdout + "\n");
    if (r.stderr) process.stderr.write(r.stderr + "\n");
    process.exitCode = r.exitCode;
  },
  (e) => {
    process.stderr.write(`raoce: error interno: ${e && e.message ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
