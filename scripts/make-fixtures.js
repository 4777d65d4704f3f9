#!/usr/bin/env node
/*
 * `npm run fixtures`: re-saves every example workbook (examples/*.xlsx) with the other spreadsheet tools a client may
 * use, into tests/fixtures/producers/<producer>/<example>.xlsx. The corpus is committed: a fresh CI machine has none of
 * these tools, and tests/workbook/producers.test.ts checks that each re-saved file reads to the same report as the
 * original and that `fill` keeps protection, locked cells, names, tables, validations and formats.
 *
 * Producers (each skipped with a note when the tool is missing; the committed corpus then stays as it was):
 *   openpyxl     /usr/bin/python3 + openpyxl: load_workbook() then save() (what clients' Python scripts and ERPs do)
 *   libreoffice  soffice --headless --convert-to xlsx:"Calc MS Excel 2007 XML" (a private profile per run)
 *   gnumeric     ssconvert --export-type=Gnumeric_Excel:xlsx2
 * SheetJS is not a dependency here (its npm release is outdated and the maintained one is not on the registry).
 */
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const examples = fs.readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".xlsx")).sort();
const outRoot = path.join(root, "tests", "fixtures", "producers");
const only = process.argv[2];

const has = (cmd, args) => {
  try {
    execFileSync(cmd, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

const PRODUCERS = {
  openpyxl: {
    available: () => has("/usr/bin/python3", ["-c", "import openpyxl"]),
    version: () => execFileSync("/usr/bin/python3", ["-c", "import openpyxl; print(openpyxl.__version__)"]).toString().trim(),
    convert(src, dst) {
      execFileSync("/usr/bin/python3", ["-c", "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[2])", src, dst], { stdio: "pipe" });
    },
  },
  libreoffice: {
    available: () => has("soffice", ["--version"]),
    version: () => execFileSync("soffice", ["--version"]).toString().trim().split("\n")[0],
    convert(src, dst, tmp) {
      // A private profile: other soffice processes on the machine must not share (or lock) ours.
      const profile = path.join(tmp, "lo-profile");
      const outDir = path.join(tmp, "lo-out");
      fs.mkdirSync(outDir, { recursive: true });
      execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", 'xlsx:Calc MS Excel 2007 XML', "--outdir", outDir, src], { stdio: "pipe", timeout: 120_000 });
      fs.renameSync(path.join(outDir, path.basename(src)), dst);
    },
  },
  gnumeric: {
    available: () => has("ssconvert", ["--version"]),
    version: () => execFileSync("ssconvert", ["--version"]).toString().trim().split("\n")[0],
    convert(src, dst) {
      execFileSync("ssconvert", ["--export-type=Gnumeric_Excel:xlsx2", src, dst], { stdio: "pipe", timeout: 120_000 });
    },
  },
};

const sha256 = (file) => require("node:crypto").createHash("sha256").update(fs.readFileSync(file)).digest("hex");
// Which example bytes (and which tool version) each file was made from: the test says "npm run fixtures" when an
// example changed since (a new template version re-saved by the tools reads differently from the old one).
const manifestPath = path.join(outRoot, "manifest.json");
const manifest = fs.existsSync(manifestPath) ? JSON.parse(fs.readFileSync(manifestPath, "utf8")) : { producers: {}, examples: {} };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "raoce-fixtures-"));
const made = [];
try {
  for (const [name, p] of Object.entries(PRODUCERS)) {
    if (only && only !== name) continue;
    if (!p.available()) {
      console.log(`${name}: no está instalado; se conserva el corpus existente`);
      continue;
    }
    const dir = path.join(outRoot, name);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of examples) {
      // Work on a copy: the examples themselves are never touched (LibreOffice writes lock files next to its input).
      const src = path.join(tmp, f);
      fs.copyFileSync(path.join(root, "examples", f), src);
      const dst = path.join(dir, f);
      p.convert(src, dst, tmp);
      made.push(path.relative(root, dst));
    }
    manifest.producers[name] = { version: p.version(), examples: Object.fromEntries(examples.map((f) => [f, sha256(path.join(root, "examples", f))])) };
    console.log(`${name} (${p.version()}): ${examples.length} libros`);
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
console.log(made.join("\n"));
