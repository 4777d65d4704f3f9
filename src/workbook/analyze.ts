/**
 * One RAOCE check of a workbook snapshot: read the inputs, evaluate, locate every issue. Pure; shared by the CLI
 * (`raoce check`, `raoce fill`) and the add-in (task pane "Revisar").
 *
 *   const snapshot = await adapter.read();
 *   const a = analyzeSnapshot(snapshot, todayInMexico());
 *   if (a.usable) await adapter.apply(buildWritePlan(a, snapshot, todayInMexico()));
 */
import type { IsoDate } from "../domain/dates";
import { evaluateAfterFiling, type AfterFilingResult } from "../domain/after-filing";
import { evaluate, type ReportResult } from "../domain/evaluate";
import { summarizeIssues, type IssueSummary } from "../domain/issues";
import { mergeIssues, readInput, type LocatedIssue, type ReadResult } from "./read-input";
import type { WorkbookSnapshot } from "./port";
import { majorOf, NAMED_CELLS, TEMPLATE_VERSION } from "./layout";
import { longDateEn, longDateEs } from "../domain/dates";
import { inputsHash, parseFingerprint } from "./fingerprint";
import { FINGERPRINT_NAME, STALE_TEXT, STALE_TEXT_EN } from "./layout-freshness";
import { reconcileCheckIssues, withReconcileIssues } from "./reconcile-plan";

export interface UsableAnalysis {
  usable: true;
  read: ReadResult;
  /** The document given to `evaluate` (after any --as-of override). */
  input: Record<string, unknown>;
  result: ReportResult;
  /** Evidence, corrections, change notices and program health (R33, R34, R44–R49); their issues are in `issues`. */
  afterFiling: AfterFilingResult;
  /** Reader issues and engine issues, located, errors first. */
  issues: LocatedIssue[];
  summary: IssueSummary;
  /**
   * Whether the outputs in the workbook were computed from the inputs it holds now (the fingerprint the last
   * `fill` / «Calcular y escribir» stored). `unknown`: never calculated, or calculated by an earlier RAOCE (template 1.0).
   */
  freshness: Freshness;
}

export interface Freshness {
  state: "current" | "stale" | "unknown";
  /** Date of the last calculation (ISO), when known. */
  computedOn: IsoDate | null;
}

export interface UnusableAnalysis {
  usable: false;
  /** Why, in one Spanish line (the CLI, a Spanish Office) and in English (an English Office). */
  reason: string;
  reasonEn: string;
  /** "other-version": a RAOCE template of another major version (its cells may mean something else here). */
  kind?: "other-version";
}

export type Analysis = UsableAnalysis | UnusableAnalysis;

export interface AnalyzeOptions {
  /** Overrides the workbook's as-of date (CLI --as-of). */
  asOf?: IsoDate;
}

export function analyzeSnapshot(snapshot: WorkbookSnapshot, today: IsoDate, options: AnalyzeOptions = {}): Analysis {
  const read = readInput(snapshot);
  if (!read.usable) return { usable: false, reason: read.reason ?? "no es una plantilla RAOCE", reasonEn: read.reasonEn ?? "this is not a RAOCE template" };
  // Another MAJOR version: judging its cells, or writing outputs into them, would use a layout they do not follow.
  // Refused here so the CLI (exit 2) and the task pane behave the same.
  const otherMajor = read.issues.find((i) => i.code === "TEMPLATE_VERSION");
  if (otherMajor) return { usable: false, kind: "other-version", ...otherVersionReason(snapshot.version, otherMajor.location) };
  const input = options.asOf ? { ...read.input, asOf: options.asOf } : read.input;
  const result = evaluate(input, today);
  const afterFiling = evaluateAfterFiling(input, result, result.asOf);
  // Reconciliation with the pedimentos (issue #12): warnings located at the figures.
  const issues = withReconcileIssues(mergeIssues(read, [...result.issues, ...afterFiling.issues]), reconcileCheckIssues(snapshot, { read, input, result }));
  return {
    usable: true,
    read,
    input,
    result,
    afterFiling,
    issues,
    summary: summarizeIssues(issues),
    freshness: freshnessOf(snapshot, read.input),
  };
}

/**
 * The located warning the task pane lists when the results in the workbook are stale (the CLI prints `staleLine`).
 * Located at the first "calculated on" stamp that exists.
 */
export function staleNotice(a: UsableAnalysis, snapshot: WorkbookSnapshot): LocatedIssue | null {
  if (a.freshness.state !== "stale") return null;
  const stamp = NAMED_CELLS.filter((n) => n.output === "stamp").map((n) => snapshot.names[n.name]).find((s) => s?.found);
  const at = stamp?.found ? { sheet: stamp.sheet, address: stamp.address.split(":")[0]! } : null;
  const on = a.freshness.computedOn;
  return {
    severity: "warning",
    code: "RESULTS_STALE",
    path: "",
    message: `${STALE_TEXT}: los datos cambiaron después del cálculo${on ? ` del ${longDateEs(on)}` : ""}; las cifras, plazos, Problemas y Captura VUCEM del libro son de antes. Use «Calcular y escribir».`,
    messageEn: `${STALE_TEXT_EN}: the inputs changed after the calculation${on ? ` of ${longDateEn(on)}` : ""}; the figures, deadlines, Problemas and Captura VUCEM in the workbook are from before. Use «Calcular y escribir».`,
    location: at ? `${at.sheet}!${at.address}` : null,
    at,
  };
}

export function freshnessOf(snapshot: WorkbookSnapshot, input: Record<string, unknown>): Freshness {
  const s = snapshot.names[FINGERPRINT_NAME];
  const f = s?.found ? parseFingerprint(s.values[0]?.[0] ?? null) : null;
  if (!f) return { state: "unknown", computedOn: null };
  return { state: f.inputs === inputsHash(input) ? "current" : "stale", computedOn: f.computedOn };
}

function otherVersionReason(version: string | null, location: string | null): { reason: string; reasonEn: string } {
  const theirs = majorOf(version);
  const ours = majorOf(TEMPLATE_VERSION)!;
  const v = `«${(version ?? "").trim().slice(0, 20)}»`;
  const what = `${v}${location ? ` en ${location}` : ""}`;
  const whatEn = `${v}${location ? ` at ${location}` : ""}`;
  if (theirs !== null && theirs > ours) {
    return {
      reason: `es una plantilla RAOCE más nueva (versión ${what}) que esta versión de RAOCE, que lee la ${ours}.x: actualice RAOCE`,
      reasonEn: `this is a newer RAOCE template (version ${whatEn}) than this version of RAOCE, which reads ${ours}.x: update RAOCE`,
    };
  }
  return {
    reason: `es una plantilla RAOCE de otra versión (${what}); esta versión de RAOCE lee la ${ours}.x: copie sus datos a una plantilla nueva (raoce template)`,
    reasonEn: `this is a RAOCE template of another version (${whatEn}); this version of RAOCE reads ${ours}.x: copy your data into a new template`,
  };
}
