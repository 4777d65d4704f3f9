/**
 * `raoce nuevo-ejercicio <anterior.xlsx> --out nuevo.xlsx` or `raoce nuevo-ejercicio <files or folders…> --out-dir DIR`
 * (R60, issue #11 §3): starts next filing year's workbook from last year's — company, programs and goods descriptions
 * carried into a fresh template; figures, volumes, dates, folios, overrides and outputs left empty. Inputs are never
 * modified; an existing output is never overwritten. Exit 2 when a file is unusable (the others are still written).
 */
import { existsSync, mkdirSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { newYearWorkbook } from "../../workbook/new-year-workbook";
import { todayInMexico } from "../../workbook/today";
import { saveWorkbookFile } from "../../workbook/xlsx-file";
import { parse } from "../args";
import { collectWorkbooks } from "../collect-files";
import { EXIT, UsageError } from "../errors";
import { printable } from "../format";
import { analyzeFile } from "../workbook-run";
import type { CommandResult } from "./types";

/** "cliente-2025.xlsx" → "cliente-2026.xlsx" when the name carries last year's filing year, else "cliente-<year>.xlsx". */
export function nextYearName(file: string, from: number | null, to: number | null): string {
  const ext = extname(file) || ".xlsx";
  const stem = basename(file, ext);
  if (from !== null && to !== null && stem.includes(String(from))) return stem.split(String(from)).join(String(to)) + ext;
  return `${stem}-${to ?? "nuevo"}${ext}`;
}

export async function nuevoEjercicioCommand(argv: string[], now: Date): Promise<CommandResult> {
  const { values, positionals } = parse(argv, { out: { type: "string" }, "out-dir": { type: "string" } }, true);
  if (positionals.length === 0) throw new UsageError("indique el libro del año anterior: raoce nuevo-ejercicio anterior.xlsx --out nuevo.xlsx");
  const out = values.out as string | undefined;
  const outDir = values["out-dir"] as string | undefined;
  if (out && outDir) throw new UsageError("use --out (un libro) o --out-dir (varios), no ambos");
  if (!out && !outDir) throw new UsageError("indique dónde escribir: --out nuevo.xlsx (un libro) o --out-dir carpeta (varios)");
  if (out && !/\.xlsx$/i.test(out)) throw new UsageError(`--out ${out}: el archivo debe terminar en .xlsx`);
  const { files, problems } = collectWorkbooks(positionals);
  if (out && (files.length !== 1 || problems.length)) {
    if (problems.length && files.length === 0) return { stdout: "", stderr: printable(`raoce nuevo-ejercicio: ${problems[0]!.path}: ${problems[0]!.reason}`), exitCode: EXIT.unusable };
    throw new UsageError("--out escribe un solo libro; para una carpeta o varios libros use --out-dir");
  }
  if (outDir) mkdirSync(outDir, { recursive: true });
  const today = todayInMexico(now);
  const lines: string[] = [];
  const errs = problems.map((p) => printable(`raoce nuevo-ejercicio: ${p.path}: ${p.reason}`));
  let written = 0;
  const inputs = new Set(files.map((f) => resolve(f.path)));
  for (const f of files) {
    const o = await analyzeFile(f.path, today, undefined, true);
    if (!o.ok) {
      errs.push(printable(`raoce nuevo-ejercicio: ${f.path}: ${o.reason}`));
      continue;
    }
    const r = newYearWorkbook(o.analysis.read.input);
    const target = out ?? join(outDir!, dirname(f.relative), nextYearName(f.relative, o.analysis.result.filingYear, r.filingYear));
    if (inputs.has(resolve(target))) {
      errs.push(printable(`raoce nuevo-ejercicio: ${f.path}: la salida ${target} es uno de los libros de entrada; use otra carpeta`));
      continue;
    }
    if (existsSync(target)) {
      errs.push(printable(`raoce nuevo-ejercicio: ${f.path}: ya existe ${target}; no se sobrescribe`));
      continue;
    }
    try {
      mkdirSync(dirname(target), { recursive: true });
      await saveWorkbookFile(r.workbook, target);
    } catch (e) {
      errs.push(`raoce nuevo-ejercicio: no se pudo escribir ${target} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    written++;
    const company = o.analysis.result.company;
    const progs = Array.isArray(r.doc.programs) ? (r.doc.programs as { type?: string }[]).map((p) => p.type).join(", ") : "";
    const goods = Array.isArray(r.doc.goods) ? (r.doc.goods as unknown[]).length : 0;
    lines.push(printable(`${target}: ${company.name ?? "(sin razón social)"} — RAOCE ${r.filingYear ?? "?"} (ejercicio ${r.filingYear === null ? "?" : r.filingYear - 1}); programas: ${progs || "ninguno"}; ${goods} ${goods === 1 ? "bien" : "bienes"}`));
    for (const n of r.notes) lines.push(printable(`  ${n}`));
  }
  lines.push(`${written} de ${files.length} libros preparados para el nuevo ejercicio. Cifras, volúmenes, fechas de presentación, folios, ajustes de fechas y resultados quedan vacíos; capture las cifras del nuevo ejercicio y use raoce fill.`);
  const result: CommandResult = { stdout: lines.join("\n"), exitCode: errs.length ? EXIT.unusable : EXIT.ok };
  if (errs.length) result.stderr = errs.join("\n");
  return result;
}
