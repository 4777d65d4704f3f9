/** Readable Spanish rendering of an `evaluate` result (shared by `evaluate` and `check`). Codes stay in --json. */
import type { ReportResult } from "../domain/evaluate";
import { labelOf } from "../domain/field-labels";
import { pushAll, type Issue } from "../domain/issues";
import { money, printable, table } from "./format";
import { commitmentLabel, longDate, nextAction, ruleSuffix, SEVERITY_LABEL, statusLabel } from "./words";
import { plural, summaryText } from "../workbook/write-plan";

/** "Total exportaciones (b)", "Fracción arancelaria (bien 4)": where an issue is in a JSON document, in words. */
export function pathWords(path: string): string {
  if (!path) return "";
  const row = /^(\w+)\[(\d+)\]/.exec(path);
  const label = labelOf(path).es;
  if (!row) return label;
  const what = row[1] === "goods" ? "bien" : row[1] === "programs" ? "programa" : "fila";
  return `${label === path ? path : label} (${what} ${Number(row[2]) + 1})`;
}

export function issueLines(issues: readonly Issue[], where: (i: Issue) => string = (i) => pathWords(i.path)): string[] {
  return issues.map((i) => printable(`  ${SEVERITY_LABEL[i.severity]}: ${where(i) || "(documento)"} — ${i.message}${ruleSuffix(i.rule)}`));
}

export function reportText(r: ReportResult, where?: (i: Issue) => string): string {
  const f = r.figures;
  const pct = f.exportShare === null ? "—" : `${money(f.exportShare)} %`;
  const lines = [
    printable(`${r.company.name ?? "(sin razón social)"} — RFC ${r.company.rfc ?? "—"}`),
    `RAOCE ${r.filingYear ?? "?"}: cifras del ejercicio ${r.fiscalYear ?? "?"}; estado al ${longDate(r.asOf)}`,
    `Saldo (b−c): ${money(f.balance)} miles de pesos · Exportación: ${pct} · Exportaciones: ${money(f.exportsUsd)} dólares · Tipo de cambio ${f.exchangeRate ?? "—"} (${f.exchangeRateSource ?? "sin fuente"})`,
    "",
  ];
  if (r.programs.length) {
    lines.push(
      table(
        ["Programa", "Número", "Estado", "Vence", "Extemp. hasta", "Cancelación", "Reactivación", "Compromiso"],
        r.programs.map((p) => [
          p.type,
          p.number,
          statusLabel(p.status),
          longDate(p.deadlines?.due),
          p.deadlines ? (p.deadlines.lateUntil ? longDate(p.deadlines.lateUntil) : "sin prórroga") : "—",
          longDate(p.deadlines?.cancelledOn),
          longDate(p.reactivationBy),
          commitmentLabel(p.commitment),
        ]),
      ),
      "",
    );
    for (const p of r.programs) lines.push(printable(`${p.type}: ${p.commitmentReason}`));
    for (const p of r.programs) {
      lines.push(printable(`Siguiente paso (${p.type}): ${nextAction({ program: p.type, status: p.status, asOf: r.asOf, filingYear: r.filingYear, deadlines: p.deadlines, reactivationBy: p.reactivationBy, correctionBy: p.correctionBy })}`));
    }
    lines.push("");
  }
  const valid = r.goods.filter((g) => g.valid).length;
  if (r.goods.length) lines.push(`Bienes producidos: ${plural(r.goods.length, "fila", "filas")} (${plural(valid, "válida", "válidas")})`, "");
  lines.push(`Problemas: ${summaryText(r.summary)}`);
  pushAll(lines, issueLines(r.issues, where));
  return lines.join("\n");
}
