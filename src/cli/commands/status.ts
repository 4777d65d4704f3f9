/** `raoce status --year Y --program A [--programs A,B] [--filed D] [--as-of D] [--authorized D] [--cancelled D] [--immex-filed D] [ajustes] [--json]` */
import { parseProgramType } from "../../domain/programs";
import { programStatus } from "../../domain/status";
import { todayInMexico } from "../../workbook/today";
import { dateList, optionalDate, parse, parseProgramList, requireYear, RULE_OPTIONS, ruleOptions } from "../args";
import { UsageError } from "../errors";
import { json, printable, table } from "../format";
import { datesSourceText, longDate, nextAction, ruleSuffix, SEVERITY_LABEL, statusLabel } from "../words";
import type { CommandResult } from "./types";

export function statusCommand(argv: string[], now: Date): CommandResult {
  const { values } = parse(argv, {
    year: { type: "string" },
    programs: { type: "string" },
    program: { type: "string" },
    filed: { type: "string" },
    "as-of": { type: "string" },
    authorized: { type: "string" },
    cancelled: { type: "string" },
    "immex-filed": { type: "string" },
    "extra-days": { type: "string" },
    ...RULE_OPTIONS,
    json: { type: "boolean" },
  });
  const filingYear = requireYear(values.year as string | undefined);
  const name = values.program as string | undefined;
  const program = parseProgramType(name);
  if (!program) throw new UsageError(name ? `programa desconocido «${name}»; use IMMEX, PROSEC, ALTEX o ECEX` : "falta --program (p. ej. --program IMMEX)");
  const held = values.programs === undefined ? [program] : parseProgramList(values.programs as string);
  if (!held.includes(program)) held.push(program);
  const asOf = optionalDate(values["as-of"] as string | undefined, "--as-of") ?? todayInMexico(now);
  const { overrides, settings } = ruleOptions(values);

  const r = programStatus({
    program,
    filingYear,
    heldPrograms: held,
    asOf,
    filedOn: optionalDate(values.filed as string | undefined, "--filed") ?? null,
    authorizedOn: optionalDate(values.authorized as string | undefined, "--authorized") ?? null,
    cancelledOn: optionalDate(values.cancelled as string | undefined, "--cancelled") ?? null,
    immexFiledOn: optionalDate(values["immex-filed"] as string | undefined, "--immex-filed") ?? null,
    extraNonBusinessDays: dateList(values["extra-days"] as string | undefined, "--extra-days"),
    settings,
    overrides,
  });
  const d = r.deadlines;
  const doc = {
    program,
    filingYear,
    fiscalYear: filingYear - 1,
    asOf,
    status: r.status,
    obliged: r.obliged,
    effectiveFiledOn: r.effectiveFiledOn,
    reactivationBy: r.reactivationBy,
    correctionBy: r.correctionBy,
    correctionBySafe: r.correctionBySafe,
    deadlines: { opens: d.opens, due: d.due, lateUntil: d.lateUntil, cancelledOn: d.cancelledOn, source: d.source },
    notes: r.notes.map(({ severity, code, message, messageEn, rule }) => ({ severity, code, message, messageEn, rule })),
  };
  const exitCode = r.notes.some((n) => n.severity === "error") ? 1 : 0;
  if (values.json) return { stdout: json(doc), exitCode };
  const lines = [
    `${program} — RAOCE ${filingYear} (ejercicio ${filingYear - 1}), al ${longDate(asOf)}: ${statusLabel(r.status)}`,
    "",
    table(
      ["Abre", "Vence", "Extemporáneo hasta", "Cancelación", "Presentado", "Reactivación a más tardar"],
      [[longDate(d.opens), longDate(d.due), d.lateUntil ? longDate(d.lateUntil) : "sin prórroga", longDate(d.cancelledOn), longDate(r.effectiveFiledOn), longDate(r.reactivationBy)]],
    ),
    "",
    `Siguiente paso: ${nextAction({ program, status: r.status, asOf, filingYear, deadlines: d, effectiveFiledOn: r.effectiveFiledOn, reactivationBy: r.reactivationBy, correctionBy: r.correctionBy, replicatedFromImmex: program === "PROSEC" && d.linked && held.includes("IMMEX") })}`,
    ...(r.correctionBy
      ? [
          `Escrito de corrección (un RAOCE firmado no se edita): a más tardar el ${longDate(r.correctionBy)}` +
            (r.correctionBySafe && r.correctionBySafe !== r.correctionBy ? `; fecha segura, descontando solo sábados y domingos: ${longDate(r.correctionBySafe)}.` : "."),
        ]
      : []),
    `Fuente de las fechas: ${datesSourceText(d.source)}.`,
    ...r.notes.map((n) => printable(`${SEVERITY_LABEL[n.severity]}: ${n.message}${ruleSuffix(n.rule)}`)),
  ];
  return { stdout: lines.join("\n"), exitCode };
}
