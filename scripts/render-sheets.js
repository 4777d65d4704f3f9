#!/usr/bin/env node
/*
 * `npm run render [-- <example names…>] [-- --dpi 50]`: how the workbook reads and prints, as LibreOffice renders it.
 * The empty template and every example (examples/*.xlsx) filled by `raoce fill` are converted to PDF with
 * `soffice --headless --convert-to pdf` (every visible sheet, with its page setup: orientation, fit to width, print
 * titles, print area) and each page to PNG with `pdftoppm`, into render/ (gitignored):
 *   render/<name>.pdf, render/<name>-<page>.png, render/pages.json ({ name: pages }).
 * Needs LibreOffice (soffice) and poppler-utils (pdftoppm); uses the compiled CLI (`npm run build:cli`).
 * Prints the page count per workbook. Exit code 2 when a tool is missing.
 */
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const out = path.join(root, "render");
const args = process.argv.slice(2);
const dpiAt = args.indexOf("--dpi");
const dpi = dpiAt >= 0 ? Number(args[dpiAt + 1]) : 50;
const only = args.filter((a, i) => !a.startsWith("--") && (dpiAt < 0 || i !== dpiAt + 1));

function which(cmd) {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { encoding: "utf8", timeout: 180_000, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(" ")} → ${r.status}\n${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Pages of a PDF (the /Type /Page objects; LibreOffice writes an uncompressed page tree). */
function pdfPages(file) {
  const text = fs.readFileSync(file, "latin1");
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

function main() {
  const soffice = which("soffice");
  const pdftoppm = which("pdftoppm");
  if (!soffice || !pdftoppm) {
    console.error(`render: falta ${!soffice ? "soffice (LibreOffice: apt-get install libreoffice-calc)" : "pdftoppm (apt-get install poppler-utils)"}`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(root, "lib", "cli", "main.js"))) run(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: root });
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "raoce-render-"));
  const cli = path.join(root, "bin", "raoce.js");

  const books = [];
  const template = path.join(work, "plantilla.xlsx");
  run(process.execPath, [cli, "template", "--out", template, "--force"], { cwd: root });
  books.push({ name: "plantilla", file: template });
  for (const f of fs.readdirSync(path.join(root, "examples")).filter((x) => x.endsWith(".xlsx")).sort()) {
    const name = f.replace(/\.xlsx$/, "");
    const filled = path.join(work, `${name}.xlsx`);
    // exit 1 = the report has errors (errores-tipicos): the workbook is still filled
    const r = spawnSync(process.execPath, [cli, "fill", path.join(root, "examples", f), "--out", filled, "--as-of", "2025-05-15"], { cwd: root, encoding: "utf8" });
    if (r.status !== 0 && r.status !== 1) throw new Error(`raoce fill ${f} → ${r.status}\n${r.stderr}`);
    books.push({ name, file: filled });
  }

  const pages = {};
  // One LibreOffice profile for the run (a fresh, private one: no lock clash with another soffice).
  const profile = `file://${path.join(work, "lo-profile")}`;
  for (const b of books.filter((x) => only.length === 0 || only.includes(x.name))) {
    run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, b.file]);
    const pdf = path.join(out, `${b.name}.pdf`);
    fs.copyFileSync(path.join(work, `${b.name}.pdf`), pdf);
    pages[b.name] = pdfPages(pdf);
    run(pdftoppm, ["-png", "-r", String(dpi), pdf, path.join(out, b.name)]);
    console.log(`${String(pages[b.name]).padStart(3)} páginas  render/${b.name}.pdf`);
  }
  fs.writeFileSync(path.join(out, "pages.json"), JSON.stringify(pages, null, 2) + "\n");
  fs.rmSync(work, { recursive: true, force: true });
}

try {
  main();
} catch (e) {
  console.error(`render: ${e && e.message ? e.message : e}`);
  process.exit(1);
}
