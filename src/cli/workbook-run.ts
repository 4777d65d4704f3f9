/** Shared by `raoce check` and `raoce fill`: open a workbook file safely and analyze it. */
import type { IsoDate } from "../domain/dates";
import type { Milestone } from "../domain/deadlines";
import type { ProgramResult } from "../domain/evaluate";
import { analyzeSnapshot, type UsableAnalysis } from "../workbook/analyze";
import { openWorkbookFile, type OpenedWorkbook } from "../workbook/xlsx-file";
import type { WorkbookSnapshot } from "../workbook/port";
import type { LocatedIssue } from "../workbook/read-input";
import { UnusableWorkbookError } from "../workbook/xlsx-guard";
import { plural, summaryText } from "../workbook/write-plan";
import { afterFilingLines } from "./after-filing-text";
import { printable } from "./format";
import { releaseBetweenFiles } from "./heap";
import { commitmentLabel, longDate, nextAction, ruleSuffix, SEVERITY_LABEL, statusLabel } from "./words";
import { STALE_TEXT } from "../workbook/layout-freshness";
import { longDateEs } from "../domain/dates";

export type FileOutcome =
  | { file: string; ok: true; opened: OpenedWorkbook; snapshot: WorkbookSnapshot; analysis: UsableAnalysis }
  | { file: string; ok: false; reason: string };

/**
 * The CLI's contract (exit 2 = "not our template, or not readable"): a file is unusable when the guard refuses it
 * (not an .xlsx, damaged, encrypted, Strict Open XML, too big…), when it is not a RAOCE template, or when it is a
 * template of another MAJOR version (its layout is not the one this RAOCE knows: checking it would judge cells that
 * may mean something else, and `fill` would write into them). A template of this version with problems the user can
 * fix in place — a deleted sheet, name, table or column, a bad value — is usable: exit 1 with the located errors.
 */
export async function analyzeFile(file: string, today: IsoDate, asOf?: IsoDate, readOnly = false): Promise<FileOutcome> {
  releaseBetweenFiles(); // a batch opens one workbook after another: the last one's garbage goes first
  try {
    const opened = await openWorkbookFile(file, { readOnly });
    const snapshot = await opened.adapter.read();
    const analysis = analyzeSnapshot(snapshot, today, asOf ? { asOf } : {});
    if (!analysis.usable) return { file, ok: false, reason: analysis.reason };
    return { file, ok: true, opened, snapshot, analysis };
  } catch (e) {
    if (e instanceof UnusableWorkbookError) return { file, ok: false, reason: e.message };
    const msg = (e instanceof Error ? e.message : String(e)).split("\n")[0]!.slice(0, 160);
    return { file, ok: false, reason: `no se pudo leer el libro (${msg})` };
  }
}

const MILESTONE_ES: Record<Milestone, string> = {
  opens: "abre la ventanilla",
  due: "vence",
  late: "último día para presentar extemporáneo",
  cancelled: "se cancela",
};

export function nextDeadline(programs: readonly ProgramResult[]): string | null {
  const next = programs
    .filter((p) => p.nextMilestone)
    .map((p) => ({ p, m: p.nextMilestone! }))
    .sort((a, b) => a.m.date.localeCompare(b.m.date))[0];
  if (!next) return null;
  const days = next.m.daysLeft === 0 ? "hoy" : next.m.daysLeft === 1 ? "mañana" : `en ${next.m.daysLeft} días`;
  return `${next.p.type} ${MILESTONE_ES[next.m.milestone]} el ${longDate(next.m.date)} (${days})`;
}

export function issueLine(i: LocatedIssue): string {
  return printable(`    ${SEVERITY_LABEL[i.severity]}: ${i.location ?? "(libro)"} — ${i.message}${ruleSuffix(i.rule)}`);
}

/** The line `check` prints when the inputs changed after the outputs were calculated. */
export function staleLine(a: UsableAnalysis): string | null {
  if (a.freshness.state !== "stale") return null;
  return `  ${STALE_TEXT}: los datos cambiaron después del cálculo del ${a.freshness.computedOn ? longDateEs(a.freshness.computedOn) : "?"}; las cifras, plazos, Problemas y Captura VUCEM del libro son de antes (raoce fill o «Calcular y escribir» en el complemento)`;
}

/** The readable per-file summary of `raoce check` / `raoce fill`. Notes (info) are counted, not listed. */
export function fileSummary(file: string, a: UsableAnalysis, options: { freshness?: boolean } = {}): string {
  const r = a.result;
  const lines = [file];
  lines.push(`  ${r.company.name ?? "(sin razón social)"} — RFC ${r.company.rfc ?? "—"}`);
  lines.push(`  RAOCE ${r.filingYear ?? "?"}: cifras del ejercicio ${r.fiscalYear ?? "?"}; estado al ${longDate(r.asOf)}`);
  if (r.programs.length === 0) lines.push("  Sin programas válidos");
  for (const p of r.programs) {
    const d = p.deadlines;
    const parts = [statusLabel(p.status)];
    if (p.obliged && d) parts.push(`vence el ${longDate(d.due)}`);
    if (p.reactivationBy) parts.push(`reactivación a más tardar el ${longDate(p.reactivationBy)}`);
    parts.push(`compromiso de exportación: ${commitmentLabel(p.commitment).toLowerCase()}`);
    lines.push(`  ${p.type} ${p.number ?? "(sin número)"}: ${parts.join(" · ")}`);
  }
  for (const p of r.programs.filter((x) => x.obliged)) {
    const replicatedFromImmex = p.type === "PROSEC" && r.programs.some((x) => x.type === "IMMEX" && x.obliged);
    const step = nextAction({ program: p.type, status: p.status, asOf: r.asOf, filingYear: r.filingYear, deadlines: p.deadlines, reactivationBy: p.reactivationBy, correctionBy: p.correctionBy, replicatedFromImmex });
    const blocked = a.summary.errors > 0 && (p.status === "EN_PLAZO" || p.status === "SUSPENDIDO" || p.status === "PERIODO_NO_ABIERTO");
    lines.push(`  Siguiente paso (${p.type}): ${blocked ? `corrija ${plural(a.summary.errors, "error", "errores")} (hoja Problemas); después, ${step.charAt(0).toLowerCase()}${step.slice(1)}` : step}`);
  }
  const next = nextDeadline(r.programs);
  if (next) lines.push(`  Próxima fecha: ${next}`);
  lines.push(...afterFilingLines(a));
  const stale = options.freshness ? staleLine(a) : null;
  // After filing a changed figure is first of all a correction (R33): say so next to "results out of date".
  if (stale) lines.push(a.afterFiling.corrections.some((c) => c.corrections.length > 0) ? `${stale}. Además, lo que cambió ya se había presentado: es una corrección (línea Evidencia), no solo un resultado por recalcular` : stale);
  lines.push(`  ${summaryText(a.summary)}`);
  for (const i of a.issues) if (i.severity !== "info") lines.push(issueLine(i));
  return lines.map(printable).join("\n"); // each entry is one line: text from the workbook cannot add or rewrite one
}
