/** Readable Spanish rendering of an `evaluate` result (shared by `evaluate` and `check`). */
import type { ReportResult } from "../domain/evaluate";
import { pushAll, type Issue } from "../domain/issues";
import { money, printable, table } from "./format";

const SEVERITY_ES: Record<Issue["severity"], string> = { error: "ERROR", warning: "AVISO", info: "INFO" };

export function issueLines(issues: readonly Issue[], where: (i: Issue) => string = (i) => i.path): string[] {
  return issues.map((i) => printable(`  [${SEVERITY_ES[i.severity]}] ${where(i) || "(documento)"} — ${i.message} (${i.code})`));
}

export function reportText(r: ReportResult, where?: (i: Issue) => string): string {
  const f = r.figures;
  const pct = f.exportShare === null ? "—" : `${money(f.exportShare)} %`;
  const lines = [
    printable(`${r.company.name ?? "(sin razón social)"} — RFC ${r.company.rfc ?? "—"}`),
    `RAOCE ${r.filingYear ?? "?"} (ejercicio ${r.fiscalYear ?? "?"}), estado al ${r.asOf}`,
    `Saldo (b−c): ${money(f.balance)} miles de pesos · Exportación: ${pct} · Exportaciones USD: ${money(f.exportsUsd)} · T.C. ${f.exchangeRate ?? "—"} (${f.exchangeRateSource ?? "sin fuente"})`,
    "",
  ];
  if (r.programs.length) {
    lines.push(
      table(
        ["Programa", "Número", "Estado", "Vence", "Extemp. hasta", "Cancelación", "Reactivación", "Compromiso"],
        r.programs.map((p) => [p.type, p.number, p.status, p.deadlines?.due, p.deadlines?.lateUntil ?? "sin prórroga", p.deadlines?.cancelledOn, p.reactivationBy, p.commitment]),
      ),
      "",
    );
    for (const p of r.programs) lines.push(printable(`${p.type}: ${p.commitmentReason}`));
    lines.push("");
  }
  if (r.goods.length) lines.push(`Bienes producidos: ${r.goods.length} filas (${r.goods.filter((g) => g.valid).length} válidas)`, "");
  lines.push(`Problemas: ${r.summary.errors} errores, ${r.summary.warnings} avisos, ${r.summary.infos} informativos`);
  pushAll(lines, issueLines(r.issues, where));
  return lines.join("\n");
}
