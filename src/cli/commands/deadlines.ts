/** `raoce deadlines --year 2026 --programs IMMEX,PROSEC [--program P] [ajustes] [--json]` */
import { deadlines } from "../../domain/deadlines";
import { parseProgramType } from "../../domain/programs";
import { dateList, parse, parseProgramList, requireYear, RULE_OPTIONS, ruleOptions } from "../args";
import { UsageError } from "../errors";
import { json, printable, table } from "../format";
import { datesSourceText, explainIds, longDate } from "../words";
import type { CommandResult } from "./types";

const CONFIDENCE_ES = { H: "alta", M: "media", L: "baja" } as const;

export function deadlinesCommand(argv: string[]): CommandResult {
  const { values } = parse(argv, {
    year: { type: "string" },
    programs: { type: "string" },
    program: { type: "string" },
    "extra-days": { type: "string" },
    ...RULE_OPTIONS,
    json: { type: "boolean" },
  });
  const filingYear = requireYear(values.year as string | undefined);
  const held = parseProgramList(values.programs as string | undefined);
  const extra = dateList(values["extra-days"] as string | undefined, "--extra-days");
  const { overrides, settings } = ruleOptions(values);
  const hasOverrides = Object.keys(overrides).length > 0;
  const target = values.program === undefined ? (held.length === 1 ? held[0] : undefined) : parseProgramType(values.program);
  if (values.program !== undefined && (!target || !held.includes(target))) {
    throw new UsageError(`--program ${String(values.program)} debe ser uno de los programas de --programs (${held.join(", ")})`);
  }
  if (hasOverrides && !target) throw new UsageError("indique con --program a qué programa se aplican --due, --late-until o --cancel-on");

  const programs = held.map((program) => {
    const d = deadlines(program, filingYear, held, { extraNonBusinessDays: extra, settings, ...(program === target && hasOverrides ? { overrides } : {}) });
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
      programs.map((p) => [p.program + (p.linked ? " (ligado)" : ""), longDate(p.opens), longDate(p.due), p.lateUntil ? longDate(p.lateUntil) : "sin prórroga", longDate(p.cancelledOn), CONFIDENCE_ES[p.confidence]]),
    ),
    "",
    ...programs.map((p) => printable(`${p.program}: ${datesSourceText(p.source)}. Fundamento: ${p.basis}.${p.note ? ` Nota: ${explainIds(p.note)}` : ""}`)),
  ];
  return { stdout: lines.join("\n"), exitCode: 0 };
}
