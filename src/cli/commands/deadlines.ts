/**
 * `raoce deadlines --year 2026 --programs IMMEX,PROSEC [--program P] [--authorized P=D,…] [--cancelled P=D,…] [ajustes]
 * [--json]`. R3/R4/R9 rev. 2026-11: a program not in force for the filing does not file (no deadline rows as if it
 * did), and PROSEC then files alone with its April dates.
 */
import { deadlines } from "../../domain/deadlines";
import { linkingFor, prosecAloneBecause, prosecAloneNote, type HeldProgram } from "../../domain/linking";
import { parseProgramType, type ProgramType } from "../../domain/programs";
import { findRule } from "../../domain/rules-catalog";
import { dateList, parse, parseProgramList, PROGRAM_DATE_OPTIONS, programDates, requireYear, RULE_OPTIONS, ruleOptions } from "../args";
import { UsageError } from "../errors";
import { json, printable, table } from "../format";
import { datesSourceText, exclusionText, explainIds, longDate, notFilingSentence, ruleSuffix, statusLabel } from "../words";
import type { CommandResult } from "./types";

const CONFIDENCE_ES = { H: "alta", M: "media", L: "baja" } as const;

export function deadlinesCommand(argv: string[]): CommandResult {
  const { values } = parse(argv, {
    year: { type: "string" },
    programs: { type: "string" },
    program: { type: "string" },
    "extra-days": { type: "string" },
    ...PROGRAM_DATE_OPTIONS,
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

  // R9 rev.: "held" ≠ "linked" — only the programs in force for this filing link; the others do not file (R3/R4).
  const authorized = programDates(values.authorized as string[] | undefined, "--authorized", held, target);
  const cancelled = programDates(values.cancelled as string[] | undefined, "--cancelled", held, target);
  const partners: HeldProgram[] = held.map((type) => ({ type, authorizedOn: authorized[type] ?? null, cancelledOn: cancelled[type] ?? null }));
  const linking = linkingFor(partners, filingYear);
  const { inForce, excluded } = linking;
  const targetOut = target ? excluded.find((e) => e.type === target) : undefined;
  if (hasOverrides && targetOut) {
    throw new UsageError(`--due, --late-until y --cancel-on no se aplican: ${notFilingSentence(targetOut, filingYear)}`);
  }
  const lostPartner = prosecAloneBecause(linking);

  const programs = held.map((program) => {
    const exclusion = excluded.find((e) => e.type === program) ?? null;
    if (exclusion) {
      const rule = findRule(exclusion.reason === "CANCELLED_BEFORE_APRIL" ? "R4" : "R3")!;
      return {
        program,
        files: false,
        exclusion: { reason: exclusion.reason, date: exclusion.date },
        linked: false,
        opens: null,
        due: null,
        lateUntil: null,
        cancelledOn: null,
        source: null,
        basis: rule.basis,
        confidence: rule.confidence,
        note: null,
        linkingNote: null,
        sentence: notFilingSentence(exclusion, filingYear),
        reasonText: exclusionText(exclusion, filingYear),
      };
    }
    const d = deadlines(program, filingYear, inForce, { extraNonBusinessDays: extra, settings, ...(program === target && hasOverrides ? { overrides } : {}) });
    return {
      program,
      files: true,
      exclusion: null,
      linked: d.linked,
      opens: d.opens,
      due: d.due,
      lateUntil: d.lateUntil,
      cancelledOn: d.cancelledOn,
      source: d.source,
      basis: d.basis,
      confidence: d.confidence,
      note: d.note,
      linkingNote: program === "PROSEC" && lostPartner ? prosecAloneNote(lostPartner, filingYear).es : null,
      sentence: null,
      reasonText: null,
    };
  });
  // R4 rev.: cancelled on or after 1 April → still in force for this filing (it links), and «Cancelado» from that date.
  const lateCancellation = (program: ProgramType): string => {
    const on = cancelled[program];
    if (!on || excluded.some((e) => e.type === program)) return "";
    return ` Nota: cancelado el ${longDate(on)}, en o después del 1 de abril de ${filingYear}: sigue estos plazos hasta esa fecha${program !== "PROSEC" && inForce.includes("PROSEC") ? " (y PROSEC sigue ligado)" : ""} y desde entonces su estado es «${statusLabel("CANCELADO")}», no «${statusLabel("NO_OBLIGADO")}»${ruleSuffix("R4")}.`;
  };
  if (values.json) {
    const doc = { filingYear, fiscalYear: filingYear - 1, inForce, programs: programs.map(({ sentence: _s, reasonText: _r, ...p }) => p) };
    return { stdout: json(doc), exitCode: 0 };
  }
  const lines = [
    `RAOCE ${filingYear} (ejercicio ${filingYear - 1}) — fechas límite`,
    "",
    table(
      ["Programa", "Abre", "Vence", "Extemporáneo hasta", "Cancelación", "Confianza"],
      programs.map((p) =>
        p.files
          ? [p.program + (p.linked ? " (ligado)" : ""), longDate(p.opens), longDate(p.due), p.lateUntil ? longDate(p.lateUntil) : "sin prórroga", longDate(p.cancelledOn), CONFIDENCE_ES[p.confidence]]
          : [`${p.program} (${statusLabel("NO_OBLIGADO").toLowerCase()})`, `no presenta el RAOCE ${filingYear}`, "—", "—", "—", CONFIDENCE_ES[p.confidence]],
      ),
    ),
    "",
    ...programs.map((p) =>
      printable(
        p.files
          ? `${p.program}: ${datesSourceText(p.source!)}. Fundamento: ${p.basis}.${p.note ? ` Nota: ${explainIds(p.note)}` : ""}${p.linkingNote ? ` Nota: ${p.linkingNote}` : ""}${lateCancellation(p.program)}`
          : `${p.sentence}.`,
      ),
    ),
  ];
  return { stdout: lines.join("\n"), exitCode: 0 };
}
