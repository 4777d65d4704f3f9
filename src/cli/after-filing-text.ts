/** The after-filing lines of `raoce check` / `fill`: filings on record, corrections and change notices at a glance. */
import type { UsableAnalysis } from "../workbook/analyze";

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function afterFilingLines(a: UsableAnalysis): string[] {
  const lines: string[] = [];
  for (const c of a.afterFiling.corrections) {
    const who = `${c.program}${c.number ? ` ${c.number}` : ""}`;
    const head = `  Evidencia: ${who} presentado el ${dmy(c.block.filedOn)}, folio ${c.block.folio} (bloque ${c.block.block})`;
    if (c.corrections.length === 0) lines.push(`${head}; sin cambios en lo capturado`);
    else lines.push(`${head}; ${c.corrections.length === 1 ? "1 corrección" : `${c.corrections.length} correcciones`}: carta a más tardar el ${dmy(c.deadline.by)} 18:00 (raoce carta-correccion)`);
  }
  const notices = a.afterFiling.notices;
  if (notices.length) {
    const count = (s: string) => notices.filter((n) => n.status === s).length;
    const parts = [["vencido", "vencido(s)"], ["pendiente", "pendiente(s)"], ["presentado", "presentado(s)"], ["presentado fuera de plazo", "fuera de plazo"], ["sin fecha", "sin fecha"]]
      .map(([s, label]) => [count(s!), label] as const)
      .filter(([n]) => n > 0)
      .map(([n, label]) => `${n} ${label}`);
    lines.push(`  Avisos de cambio: ${parts.join(", ")}`);
  }
  return lines;
}
