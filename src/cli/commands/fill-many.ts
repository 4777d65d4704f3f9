/**
 * `raoce fill <files or folders…> --out-dir DIR [--as-of D]` (issue #11 §3): fills many workbooks in one process, one
 * at a time, each into a copy under DIR (the folder structure kept); the inputs are never modified. Each file goes
 * through the single-file `raoce fill … --out` (fill.ts), so a folder gets exactly the same checks, notices and safe
 * writes as one workbook. One line per file and a summary line. Exit 2 when a file is unusable or cannot be written
 * (the rest are still filled), else 1 when a report has errors (its copy is still written), else 0.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { optionalDate, parse } from "../args";
import { collectWorkbooks } from "../collect-files";
import { EXIT, UsageError } from "../errors";
import { printable } from "../format";
import { fillCommand } from "./fill";
import type { CommandResult } from "./types";

export const isFolderFill = (argv: readonly string[]): boolean => argv.some((a) => a === "--out-dir" || a.startsWith("--out-dir="));

export async function fillManyCommand(argv: string[], now: Date): Promise<CommandResult> {
  const { values, positionals } = parse(argv, { "out-dir": { type: "string" }, "as-of": { type: "string" } }, true);
  if (positionals.length === 0) throw new UsageError("indique libros .xlsx o carpetas: raoce fill clientes/ --out-dir llenos/");
  const outDir = values["out-dir"] as string;
  if (!outDir) throw new UsageError("a la opción --out-dir le falta su valor");
  const asOf = optionalDate(values["as-of"] as string | undefined, "--as-of");
  const { files, problems } = collectWorkbooks(positionals);
  const inputs = new Set(files.map((f) => resolve(f.path)));
  // Output paths are decided before anything is written: two inputs must not land on one output, nor on an input.
  const targets = new Map<string, string>();
  const taken = new Map<string, string>();
  for (const f of files) {
    const t = join(outDir, f.relative);
    if (inputs.has(resolve(t))) throw new UsageError(`--out-dir ${outDir}: la copia de ${f.path} reemplazaría un libro de entrada; use otra carpeta`);
    const clash = taken.get(resolve(t));
    if (clash) throw new UsageError(`${clash} y ${f.path} se escribirían en el mismo archivo ${t}; páselos desde su carpeta común`);
    taken.set(resolve(t), f.path);
    targets.set(f.path, t);
  }
  const lines: string[] = [];
  const errs = problems.map((p) => printable(`raoce fill: ${p.path}: ${p.reason}`));
  let ok = 0;
  let withErrors = 0;
  let failed = problems.length;
  for (const f of files) {
    const target = targets.get(f.path)!;
    try {
      mkdirSync(dirname(target), { recursive: true });
    } catch (e) {
      failed++;
      errs.push(printable(`raoce fill: no se pudo crear la carpeta de ${target} (${(e as NodeJS.ErrnoException).code ?? "error"})`));
      continue;
    }
    const r = await fillCommand([f.path, "--out", target, ...(asOf ? ["--as-of", asOf] : [])], now);
    if (r.stderr) errs.push(r.stderr);
    if (r.exitCode === EXIT.unusable) {
      failed++;
      continue;
    }
    if (r.exitCode === EXIT.inputErrors) withErrors++;
    else ok++;
    // The single-file summary's second line names the company; the folder view keeps one line per file.
    const company = r.stdout.split("\n")[1]?.trim().split(" — RAOCE")[0] ?? "";
    lines.push(printable(`${target}: ${company} — ${r.exitCode === EXIT.inputErrors ? "con errores (vea la hoja Problemas)" : "sin errores"}`));
  }
  lines.push(`${files.length + problems.length} libros: ${ok + withErrors} llenados en ${outDir} (${ok} sin errores, ${withErrors} con errores), ${failed} inutilizables; los originales no se modificaron`);
  const result: CommandResult = { stdout: lines.join("\n"), exitCode: failed > 0 ? EXIT.unusable : withErrors > 0 ? EXIT.inputErrors : EXIT.ok };
  if (errs.length) result.stderr = errs.join("\n");
  return result;
}
