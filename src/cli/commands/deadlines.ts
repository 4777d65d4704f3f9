/** `raoce deadlines --year 2025 --programs IMMEX,PROSEC [--extra-days …] [--json]` */
import { deadlines } from "../../domain/deadlines";
import { dateList, parse, parseProgramList, requireYear } from "../args";
import { json, table } from "../format";
import type { CommandResult } from "./types";

export function deadlinesCommand(argv: string[]): CommandResult {
  const { values } = parse(argv, {
    year: { type: "string" },
    programs: { type: "string" },
    "extra-days": { type: "string" },
    json: { type: "boolean" },
  });
  const filingYear = requireYear(values.year as string | undefined);
  const held = parseProgramList(values.programs as string | undefined);
  const extra = dateList(values["extra-days"] as string | undefined, "--extra-days");
  const programs = held.map((program) => {
    const d = deadlines(program, filingYear, held, { extraNonBusinessDays: extra });
    return {
      program,
      linked: d.linked,
      opens: d.opens,
      due: d.due,
      lateUntil: d.lateUntil,
      cancelledOn: d.cancelledOn,
      source: d.source,
      basis: d.basis,
      confidence: d.confidence,
      note: d.note,
    };
  });
  const doc = { filingYear, fiscalYear: filingYear - 1, programs };
  if (values.json) return { stdout: json(doc), exitCode: 0 };
  const lines = [
    `RAOCE ${filingYear} (ejercicio ${filingYear - 1}) — fechas límite`,
    "",
    table(
      ["Programa", "Abre", "Vence", "Extemporáneo hasta", "Cancelación", "Confianza"],
      programs.map((p) => [p.program + (p.linked ? " (ligado)" : ""), p.opens, p.due, p.lateUntil ?? "sin prórroga", p.cancelledOn, p.confidence]),
    ),
    "",
    ...programs.map((p) => `${p.program}: ${p.source}. Fundamento: ${p.basis}.${p.note ? ` Nota: ${p.note}` : ""}`),
  ];
  return { stdout: lines.join("\n"), exitCode: 0 };
}
