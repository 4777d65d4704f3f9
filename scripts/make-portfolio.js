#!/usr/bin/env node
/*
 * `node scripts/make-portfolio.js [DIR] [N]`: writes a portfolio of N (200) generated client workbooks into DIR
 * (tmp/cartera-200, gitignored) for `raoce cartera`, `raoce calendario` and the bench: varied programs (IMMEX, PROSEC
 * alone and linked, ALTEX, ECEX), filing dates on time, late, missing, typing errors, a few damaged files.
 * Deterministic (a seeded generator); uses the compiled modules in lib/ (`npm run build:cli`).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const lib = path.join(root, "lib");
if (!fs.existsSync(path.join(lib, "workbook", "template.js"))) {
  console.error("make-portfolio: falta compilar; ejecute `npm run build:cli`");
  process.exit(2);
}
const { templateBuffer } = require(path.join(lib, "workbook", "template.js"));
const { writeInputs } = require(path.join(lib, "workbook", "exceljs-adapter.js"));
const { openWorkbookBuffer, saveWorkbookFile } = require(path.join(lib, "workbook", "xlsx-file.js"));
const { rfcCheckCharacter } = require(path.join(lib, "domain", "rfc.js"));
const { analyzeSnapshot } = require(path.join(lib, "workbook", "analyze.js"));
const { buildWritePlan } = require(path.join(lib, "workbook", "write-plan.js"));

const dir = process.argv[2] ?? path.join(root, "tmp", "cartera-200");
const count = Number(process.argv[3] ?? 200);

let seed = 20250520;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];

const NAMES = ["Manufacturas", "Autopartes", "Textiles", "Electrónica", "Plásticos", "Alimentos", "Metalmecánica", "Muebles", "Químicos", "Calzado", "Aceros", "Vidrios"];
const PLACES = ["del Norte", "del Bajío", "de Occidente", "del Golfo", "de Sonora", "de Jalisco", "Peninsulares", "del Pacífico", "de Coahuila", "Queretanos"];
const SUFFIX = ["S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V."];
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function rfc(i) {
  const base = `${LETTERS[i % 26]}${LETTERS[(i * 7) % 26]}${LETTERS[(i * 11) % 26]}${String(90 + (i % 10)).padStart(2, "0")}${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}${LETTERS[(i * 3) % 26]}${(i % 9) + 1}`;
  return base + rfcCheckCharacter(base);
}

const PROGRAM_SETS = [["IMMEX"], ["IMMEX"], ["IMMEX"], ["PROSEC"], ["IMMEX", "PROSEC"], ["IMMEX", "PROSEC"], ["ALTEX"], ["ECEX"], ["IMMEX", "ALTEX"]];
const MODALITY = { IMMEX: "INDUSTRIAL", PROSEC: "PRODUCTOR DIRECTO", ALTEX: undefined, ECEX: undefined };
// Filing dates relative to the 2025 deadlines (due 30 May; PROSEC alone 30 Apr; late until 29 Aug / 30 Jun).
const FILED = [null, null, null, "2025-04-22", "2025-05-14", "2025-05-28", "2025-05-29", "2025-06-10", "2025-07-15"];

function client(i) {
  const programs = pick(PROGRAM_SETS);
  const filed = pick(FILED);
  const sales = Math.round(20000 + rnd() * 900000);
  const exportShare = pick([0.05, 0.12, 0.3, 0.45, 0.8, 0.95]);
  const doc = {
    company: { rfc: rfc(i), name: `${pick(NAMES)} ${pick(PLACES)} ${i + 1}, ${pick(SUFFIX)}` },
    filingYear: i % 23 === 0 ? 2024 : 2025,
    programs: programs.map((type, k) => {
      const p = { type, number: `${type === "PROSEC" ? "P" : ""}${1000 + i}-${2010 + (k + i) % 14}`, authorizedOn: `${2010 + ((i + k) % 13)}-0${1 + ((i + k) % 9)}-15` };
      if (MODALITY[type]) p.modality = MODALITY[type];
      if (type === "PROSEC") p.sectors = [pick(["XIX", "XX", "II", "XVI"])];
      if (type === "ALTEX") p.exporterType = "DIRECTO";
      if (filed && !(type === "PROSEC" && programs.includes("IMMEX"))) p.filedOn = filed;
      return p;
    }),
    figures: { totalSales: sales, totalExports: Math.round(sales * exportShare), totalImports: Math.round(sales * 0.2) },
  };
  if (programs.includes("ALTEX")) doc.figures.directExports = doc.figures.totalExports;
  if (programs.length === 1 && programs[0] === "PROSEC") {
    doc.goods = [{ sector: doc.programs[0].sectors[0], tariffCode: "87089999", description: "Partes de vehículos", unit: "Pieza", totalVolume: 1000 + i, domesticVolume: 800, exportVolume: 200 + i }];
  }
  // Typical mistakes in about one client in eight.
  if (i % 8 === 5) doc.figures.totalExports = sales + 10; // b > a: VUCEM blocks it
  if (i % 17 === 3) doc.company.rfc = doc.company.rfc.slice(0, 11) + "0";
  if (i % 29 === 7) doc.programs[0].cancelledOn = "2024-10-15";
  return doc;
}

(async () => {
  fs.mkdirSync(dir, { recursive: true });
  const template = await templateBuffer();
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `despacho-${1 + (i % 4)}`);
    fs.mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `cliente-${String(i + 1).padStart(3, "0")}.xlsx`);
    if (i % 67 === 66) {
      fs.writeFileSync(file, "no es un libro de Excel"); // an unusable file in the batch
      continue;
    }
    const { workbook, adapter } = await openWorkbookBuffer(template);
    const doc = client(i);
    writeInputs(workbook, doc);
    if (i % 5 === 0) {
      // One client in five was already filled (raoce fill) on 15 May; one in fifteen changed a figure afterwards.
      const snapshot = await adapter.read();
      const a = analyzeSnapshot(snapshot, "2025-05-15", { asOf: "2025-05-15" });
      if (a.usable) await adapter.apply(buildWritePlan(a, snapshot, "2025-05-15"));
      if (i % 15 === 0) writeInputs(workbook, { figures: { totalSales: doc.figures.totalSales + 1000 } });
    }
    await saveWorkbookFile(workbook, file);
  }
  console.log(`${count} libros en ${dir}`);
})().catch((e) => {
  console.error(`make-portfolio: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
