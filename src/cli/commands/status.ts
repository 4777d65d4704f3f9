/** `raoce status --year Y --programs A,B --program A [--filed D] [--as-of D] [--authorized D] [--cancelled D] [--immex-filed D] [--json]` */
import { parseProgramType } from "../../domain/programs";
import { programStatus } from "../../domain/status";
import { todayInMexico } from "../../workbook/today";
import { dateList, optionalDate, parse, parseProgramList, requireYear } from "../args";
import { UsageError } from "../errors";
import { json, table } from "../format";
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
    json: { type: "boolean" },
  });
  const filingYear = requireYear(values.year as string | undefined);
  const name = values.program as string | undefined;
  const program = parseProgramType(name);
  if (!program) throw new UsageError(name ? `programa desconocido «${name}»; use IMMEX, PROSEC, ALTEX o ECEX` : "falta --program (p. ej. --program IMMEX)");
  const held = values.programs === undefined ? [program] : parseProgramList(values.programs as string);
  if (!held.includes(program)) held.push(program);
  const asOf = optionalDate(values["as-of"] as string | undefined, "--as-of") ?? todayInMexico(now);

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
    `${program} — RAOCE ${filingYear}, al ${asOf}: ${r.status}`,
    "",
    table(
      ["Abre", "Vence", "Extemporáneo hasta", "Cancelación", "Presentado", "Reactivación a más tardar"],
      [[d.opens, d.due, d.lateUntil ?? "sin prórroga", d.cancelledOn, r.effectiveFiledOn, r.reactivationBy]],
    ),
    ...(r.correctionBy ? ["", `Correcciones por escrito (R33) a más tardar: ${r.correctionBy} (contando solo fines de semana: ${r.correctionBySafe}).`] : []),
    ...r.notes.map((n) => `[${n.severity}] ${n.message}`),
  ];
  return { stdout: lines.join("\n"), exitCode };
}
