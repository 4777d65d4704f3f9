/** Text, JSON and CSV renderings of the portfolio rows (`raoce cartera`). Text fits 120 columns. */
import type { PortfolioRow, PortfolioSummary, NextStepKind } from "../domain/portfolio/rows";
import { STATUS_SHORT_ES, summaryLine } from "../domain/portfolio/rows";
import type { BatchNote } from "../domain/portfolio/batch";
import { COMMITMENT_ES } from "../workbook/write-plan";
import { printable } from "./format";

export const TEXT_WIDTH = 120;

const STEP_SHORT: Record<NextStepKind, string> = {
  opens: "abre",
  due: "vence",
  late: "extemp. hasta",
  cancelled: "cancelación",
  reactivation: "reactivación",
  correction: "carta corr.",
  notice: "aviso cambio",
};

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "—");
const fit = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + "…" : s.padEnd(w));
const right = (s: string, w: number) => s.padStart(w);

const COLS: [string, number][] = [["N", 2], ["RFC", 13], ["Cliente", 15], ["Prog.", 6], ["Estado", 12], ["Próximo", 13], ["Fecha", 10], ["Días", 5], ["E/A", 5], ["Compromiso", 13], ["Res.", 6]];

export function portfolioText(rows: readonly PortfolioRow[], summary: PortfolioSummary, notes: readonly BatchNote[], unusable: readonly { file: string; reason: string }[], asOf: string): string {
  const line = (cells: string[]) => cells.join("  ").trimEnd();
  const parts = summaryLine(summary).split(" · ");
  const out = [`Cartera al ${dmy(asOf)} — ${summary.clients} clientes, ${summary.rows} programas`, parts.slice(0, 4).join(" · "), parts.slice(4).join(" · "), ""];
  out.push(line(COLS.map(([h, w], i) => (i === 7 ? right(h, w) : fit(h, w)))));
  out.push(line(COLS.map(([, w]) => "─".repeat(w))));
  for (const r of rows) {
    out.push(
      line([
        fit(String(r.urgencyRank + 1), 2),
        fit(printable(r.rfc ?? "—"), 13),
        fit(printable(r.name ?? "(sin razón social)"), 15),
        fit(r.program ?? "—", 6),
        fit(r.status ? STATUS_SHORT_ES[r.status] : "Sin programas", 12),
        fit(r.nextStep ? STEP_SHORT[r.nextStep] : "—", 13),
        fit(dmy(r.nextDate), 10),
        right(r.daysLeft === null ? "—" : String(r.daysLeft), 5),
        fit(`${r.errors}/${r.warnings}`, 5),
        fit(r.commitment ? (COMMITMENT_ES[r.commitment] ?? r.commitment) : "—", 13),
        fit(r.stale === null ? "—" : r.stale ? "desact" : "al día", 6),
      ]),
    );
  }
  out.push("", "N: 1 cancelado · 2 suspendido · 3 vence ≤ 7 días · 4 errores · 5 verificar reactivación · 6 carta o aviso");
  out.push("   · 7 vence ≤ 30 días · 8 sin urgencia.  E/A: errores/avisos.  Res.: resultados escritos en el libro.");
  for (const n of notes) out.push(printable(`Para toda la cartera: ${n.message} (${n.files} ${n.files === 1 ? "libro" : "libros"})`));
  if (unusable.length) {
    out.push(`Archivos inutilizables (${unusable.length}):`);
    for (const u of unusable) out.push(printable(`  ${u.file}: ${u.reason}`));
  }
  // Every line fits the terminal: long notes and paths are wrapped, never cut.
  return out.flatMap((l) => wrap(l, TEXT_WIDTH)).join("\n");
}

function wrap(line: string, width: number): string[] {
  if ([...line].length <= width) return [line];
  const words = line.split(" ");
  const out: string[] = [];
  let cur = "";
  for (const w of words) {
    if (cur && [...(cur + " " + w)].length > width) {
      out.push(cur);
      cur = "    " + w;
    } else cur = cur ? cur + " " + w : w;
    while ([...cur].length > width) {
      out.push(cur.slice(0, width));
      cur = "    " + cur.slice(width);
    }
  }
  if (cur) out.push(cur);
  return out;
}

const CSV_HEADERS = ["nivel", "urgencia", "rfc", "razon_social", "programa", "numero", "anio_presentacion", "estado", "proximo_paso", "fecha", "dias", "errores", "avisos", "compromiso", "resultados", "carta_correccion_hasta", "archivo"];

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  let s = String(v);
  // A cell starting with = + - @ would run as a formula when the CSV is opened in Excel.
  if (/^[=+\-@\t\r]/.test(s) && typeof v === "string") s = "'" + s;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function portfolioCsv(rows: readonly PortfolioRow[]): string {
  const lines = [CSV_HEADERS.join(",")];
  for (const r of rows) {
    lines.push(
      [r.urgencyRank + 1, r.urgencyLabel, r.rfc, r.name, r.program, r.number, r.filingYear, r.statusLabel, r.nextStepLabel, r.nextDate, r.daysLeft, r.errors, r.warnings, r.commitment, r.stale === null ? "sin calcular" : r.stale ? "desactualizados" : "al dia", r.correctionBy, r.file]
        .map(csvCell)
        .join(","),
    );
  }
  return lines.join("\n");
}
