/**
 * `raoce fill <files or folders…> --out-dir DIR [--as-of D]` (issue #11 §3): fills many workbooks in one process, one
 * at a time, each into a copy under DIR (the folder structure kept); the inputs are never modified. One line per file
 * and a summary line. Exit 2 when a file is unusable or cannot be written (the rest are still filled), else 1 when a
 * report has errors (its copy is still written), else 0.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { buildWritePlan } from "../../workbook/write-plan";
import { summaryText } from "../../workbook/write-plan";
import { todayInMexico } from "../../workbook/today";
import { saveWorkbookFile } from "../../workbook/xlsx-file";
import { optionalDate, parse } from "../args";
import { collectWorkbooks } from "../collect-files";
import { EXIT, UsageError } from "../errors";
import { printable } from "../format";
import { analyzeFile } from "../workbook-run";
import type { CommandResult } from "./types";

export const isFolderFill = (argv: readonly string[]): boolean => argv.some((a) => a === "--out-dir" || a.startsWith("--out-dir="));

export async function fillManyCommand(argv: string[], now: Date): Promise<CommandResult> {
  const { values, positionals } = parse(argv, { "out-dir": { type: "string" }, "as-of": { type: "string" } }, true);
  if (positionals.length === 0) throw new UsageError("indique libros .xlsx o carpetas: raoce fill clientes/ --out-dir llenos/");
  const outDir = values["out-dir"] as string;
  if (!outDir) throw new UsageError("a la opción --out-dir le falta su valor");
  const asOf = optionalDate(values["as-of"] as string | undefined, "--as-of");
  const today = todayInMexico(now);
  const { files, problems } = collectWorkbooks(positionals);
  const inputs = new Set(files.map((f) => resolve(f.path)));
  // Output paths are decided before anything is written: two inputs must not land on one output, nor on an input.
  const targets = new Map<string, string>();
  for (const f of files) {
    const t = join(outDir, f.relative);
    if (inputs.has(resolve(t))) throw new UsageError(`--out-dir ${outDir}: la copia de ${f.path} reemplazaría un libro de entrada; use otra carpeta`);
    const clash = [...targets.entries()].find(([, v]) => resolve(v) === resolve(t));
    if (clash) throw new UsageError(`${clash[0]} y ${f.path} se escribirían en el mismo archivo ${t}; páselos desde su carpeta común`);
    targets.set(f.path, t);
  }
  const lines: string[] = [];
  const errs = problems.map((p) => printable(`raoce fill: ${p.path}: ${p.reason}`));
  let ok = 0;
  let withErrors = 0;
  let failed = problems.length;
  for (const f of files) {
    const target = targets.get(f.path)!;
    const o = await analyzeFile(f.path, today, asOf);
    if (!o.ok) {
      failed++;
      errs.push(printable(`raoce fill: ${f.path}: ${o.reason}`));
      continue;
    }
    await o.opened.adapter.apply(buildWritePlan(o.analysis, o.snapshot, today));
    try {
      mkdirSync(dirname(target), { recursive: true });
      await saveWorkbookFile(o.opened.workbook, target);
    } catch (e) {
      failed++;
      errs.push(`raoce fill: no se pudo escribir ${target} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      continue;
    }
    const lossy = o.opened.inspection.lossyParts;
    if (lossy.length) errs.push(printable(`raoce fill: aviso: ${f.path} contiene ${lossy.join(", ")}; la copia ${target} no los conserva`));
    if (o.analysis.summary.errors > 0) withErrors++;
    else ok++;
    const r = o.analysis.result;
    lines.push(printable(`${target}: ${r.company.rfc ?? "—"} ${r.company.name ?? "(sin razón social)"} — ${summaryText(o.analysis.summary)}`));
  }
  lines.push(`${files.length + problems.length} libros: ${ok + withErrors} llenados en ${outDir} (${ok} sin errores, ${withErrors} con errores), ${failed} inutilizables; los originales no se modificaron`);
  const result: CommandResult = { stdout: lines.join("\n"), exitCode: failed > 0 ? EXIT.unusable : withErrors > 0 ? EXIT.inputErrors : EXIT.ok };
  if (errs.length) result.stderr = errs.join("\n");
  return result;
}
