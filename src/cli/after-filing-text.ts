/** The after-filing lines of `raoce check` / `fill`: filings on record, corrections and change notices at a glance. */
import { longDateEs } from "../domain/dates";
import type { IsoDate } from "../domain/dates";
import type { UsableAnalysis } from "../workbook/analyze";
import { plural } from "../workbook/write-plan";

// One written date form wherever a person reads (issue #10).
const dmy = (iso: string) => longDateEs(iso as IsoDate);

export function afterFilingLines(a: UsableAnalysis): string[] {
  const lines: string[] = [];
  for (const c of a.afterFiling.corrections) {
    const who = `${c.program}${c.number ? ` ${c.number}` : ""}`;
    const head = `  Evidencia: ${who} presentado el ${dmy(c.block.filedOn)}, folio ${c.block.folio} (bloque ${c.block.block})`;
    if (c.corrections.length === 0) lines.push(`${head}; sin cambios en lo capturado`);
    else lines.push(`${head}; ${c.corrections.length === 1 ? "1 corrección" : `${c.corrections.length} correcciones`}: carta a más tardar el ${dmy(c.deadline.by)} a las 18:00 (raoce carta-correccion)`);
  }
  const notices = a.afterFiling.notices;
  if (notices.length) {
    const count = (s: string) => notices.filter((n) => n.status === s).length;
    const parts = ([["vencido", "vencido", "vencidos"], ["pendiente", "pendiente", "pendientes"], ["presentado", "presentado", "presentados"], ["presentado fuera de plazo", "presentado fuera de plazo", "presentados fuera de plazo"], ["sin fecha", "sin fecha", "sin fecha"]] as const)
      .map(([s, one, many]) => [count(s), one, many] as const)
      .filter(([n]) => n > 0)
      .map(([n, one, many]) => plural(n, one, many));
    lines.push(`  Avisos de cambio: ${parts.join(", ")}`);
  }
  return lines;
}
