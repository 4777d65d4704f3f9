/**
 * The pane's «Conciliar»: the workbook's «Pedimentos» list against the captured figures, written to the
 * «Conciliación» sheet through the adapter (the snapshot was read once by the caller; one apply writes). The Data
 * Stage is read by the CLI (`raoce conciliar`), not here.
 */
import type { IsoDate } from "../domain/dates";
import { reconcile } from "../domain/reconcile";
import type { UsableAnalysis } from "../workbook/analyze";
import type { WorkbookAdapter, WorkbookSnapshot } from "../workbook/port";
import { buildReconcilePlan, hasReconcileSheet, reconcileCheckIssues, reconcileInputFor } from "../workbook/reconcile-plan";
import { readReconcileSheets } from "../workbook/reconcile-read";
import type { ReconcileOutcome } from "./operations";

export async function reconcileInWorkbook(adapter: WorkbookAdapter, a: UsableAnalysis, snapshot: WorkbookSnapshot, today: IsoDate, onWriting: () => void): Promise<ReconcileOutcome> {
  if (!hasReconcileSheet(snapshot)) return { status: "no-sheet" };
  const sheet = readReconcileSheets(snapshot);
  const fiscalYear = a.result.fiscalYear;
  if (sheet.list.length === 0 || fiscalYear === null) return { status: "empty-list" };
  const r = reconcile(reconcileInputFor(a.input, fiscalYear, sheet, { pedimentos: sheet.list, rectifications: sheet.listLinks, label: "la lista de pedimentos (hoja Pedimentos)" }));
  const plan = buildReconcilePlan(r, snapshot, today, `Con la lista de pedimentos del libro (${sheet.list.length.toLocaleString("es-MX")} pedimentos)`);
  onWriting();
  await adapter.apply(plan);
  return {
    status: "done",
    pedimentos: sheet.list.length,
    cellsWritten: plan.ranges.length + plan.blocks.reduce((n, b) => n + b.rows.length * b.width, 0),
    issues: reconcileCheckIssues(snapshot, a),
    figures: r.figures.map((f) => ({
      figure: f.figure,
      letter: f.letter,
      captured: f.captured,
      reference: f.figure === "totalSales" ? f.taxReturn : f.customs,
      difference: f.difference,
      differencePct: f.differencePct,
      status: f.status,
      explains: f.lines.filter((l) => l.explains).map((l) => ({ title: l.title, titleEn: l.titleEn, effectMiles: l.effectMiles, pedimentos: l.pedimentos.length })),
      unexplained: f.unexplained,
    })),
  };
}
