#!/usr/bin/env node
/* `npm run demo`: the main job on the bundled examples — the engine over examples/json (raoce evaluate). */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const raoce = path.join(root, "bin", "raoce.js");
const run = (args) => {
  console.log(`\n$ raoce ${args.map((a) => path.relative(root, a) || a).join(" ")}`);
  const r = spawnSync(process.execPath, [raoce, ...args], { cwd: root, encoding: "utf8" });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  console.log(`(código de salida ${r.status})`);
  return r.status;
};

run(["deadlines", "--year", "2025", "--programs", "IMMEX,PROSEC,ALTEX"]);
const dir = path.join(root, "examples", "json");
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) run(["evaluate", path.join(dir, f)]);
