/**
 * `raoce carta-correccion <libro.xlsx> [--programa P] --out carta.docx`: the R33 correction letter (Dice / Debe decir
 * for exactly the captured values that changed since the filing recorded in Evidencia).
 * `raoce aviso-cambio <libro.xlsx> [--fila N] --out aviso.docx`: the escrito libre of a change notice (R34/R49).
 * Neither changes the workbook. An existing output file is not replaced without --force.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { todayInMexico } from "../../workbook/today";
import { correctionLetterFor, noticeLetterFor, type LetterOutcome } from "../../workbook/letters-from-analysis";
import type { UsableAnalysis } from "../../workbook/analyze";
import type { IsoDate } from "../../domain/dates";
import { parse } from "../args";
import { printable } from "../format";
import { EXIT, UsageError } from "../errors";
import { analyzeFile } from "../workbook-run";
import type { CommandResult } from "./types";

async function letterCommand(name: string, argv: string[], now: Date, extra: Record<string, { type: "string" }>, pick: (a: UsableAnalysis, today: IsoDate, v: Record<string, unknown>) => LetterOutcome): Promise<CommandResult> {
  const { values, positionals } = parse(argv, { out: { type: "string" }, force: { type: "boolean" }, ...extra }, true);
  if (positionals.length !== 1) throw new UsageError(`indique un libro .xlsx: raoce ${name} libro.xlsx --out carta.docx`);
  const input = positionals[0]!;
  const out = values.out as string | undefined;
  if (!out) throw new UsageError("falta --out (archivo .docx de salida)");
  if (!/\.docx$/i.test(out)) throw new UsageError(`${out}: la salida debe terminar en .docx`);
  if (existsSync(out) && !values.force) throw new UsageError(`${out} ya existe; use --force para reemplazarlo`);
  const today = todayInMexico(now);
  const o = await analyzeFile(input, today, undefined, true);
  if (!o.ok) return { stdout: "", stderr: printable(`raoce ${name}: ${input}: ${o.reason}`), exitCode: EXIT.unusable };
  // Dated like everything else the check computes: the workbook's as-of date (today when it has none).
  const r = pick(o.analysis, o.analysis.result.asOf, values);
  if (!r.ok) return { stdout: "", stderr: printable(`raoce ${name}: ${input}: ${r.reason}`), exitCode: EXIT.unusable };
  // Loaded only here: the docx library costs every other command ~120 ms and ~6 MB at start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { letterDocx } = require("../../letters/docx-letter") as typeof import("../../letters/docx-letter");
  try {
    await writeFile(out, await letterDocx(r.letter));
  } catch (e) {
    return { stdout: "", stderr: `raoce ${name}: no se pudo escribir ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, exitCode: EXIT.unusable };
  }
  const lines = [`${out}: ${r.letter.subject} — para ${r.letter.to.join(", ")}`];
  if (r.letter.table) for (const row of r.letter.table.rows) lines.push(`  ${row.join(" · ")}`);
  lines.push(...r.letter.senderNote.slice(0, 1).map((n) => `  ${n}`), ...r.notes.map((n) => `  Nota: ${n}`));
  return { stdout: lines.map(printable).join("\n"), exitCode: EXIT.ok };
}

export function cartaCorreccionCommand(argv: string[], now: Date): Promise<CommandResult> {
  return letterCommand("carta-correccion", argv, now, { programa: { type: "string" } }, (a, today, v) => correctionLetterFor(a, today, v.programa as string | undefined));
}

export function avisoCambioCommand(argv: string[], now: Date): Promise<CommandResult> {
  return letterCommand("aviso-cambio", argv, now, { fila: { type: "string" } }, (a, today, v) => {
    const fila = v.fila === undefined ? undefined : Number(v.fila);
    if (fila !== undefined && (!Number.isInteger(fila) || fila < 1)) throw new UsageError(`--fila ${String(v.fila)} debe ser un número de fila (1, 2, …) de la tabla de Avisos`);
    return noticeLetterFor(a, today, fila);
  });
}
