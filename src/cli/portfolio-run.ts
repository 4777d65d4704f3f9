/**
 * Reads a batch of client workbooks one at a time (one workbook in memory: each is dropped before the next opens) and
 * keeps only what the portfolio needs: rows, problems and the few batch-wide notes. Shared by `raoce cartera` and
 * `raoce calendario`. Unusable files are listed, never fatal.
 */
import { resolve } from "node:path";
import type { IsoDate } from "../domain/dates";
import { BATCH_ONCE_CODES, type BatchNote, type PortfolioProblem } from "../domain/portfolio/batch";
import { clientRows, sortRows, type PortfolioRow } from "../domain/portfolio/rows";
import { afterFilingDeadlines, workbookCalendar } from "../domain/after-filing";
import { outputsFreshness } from "../workbook/stale-outputs";
import type { UsableAnalysis } from "../workbook/analyze";
import type { WorkbookSnapshot } from "../workbook/port";
import { collectWorkbooks } from "./collect-files";
import { analyzeFile } from "./workbook-run";

export interface PortfolioBatch {
  rows: PortfolioRow[];
  problems: PortfolioProblem[];
  batchNotes: BatchNote[];
  unusable: { file: string; reason: string }[];
  files: number;
}

export interface BatchOptions {
  /** A path not to read (the portfolio being written, when it sits in a client folder). */
  skip?: string;
  /** Called for each usable workbook while it is open (before it is dropped). */
  onClient?(file: string, analysis: UsableAnalysis, snapshot: WorkbookSnapshot): void;
}

export async function readPortfolio(args: readonly string[], today: IsoDate, asOf: IsoDate | undefined, opts: BatchOptions = {}): Promise<PortfolioBatch> {
  const { files, problems: pathProblems } = collectWorkbooks(args);
  const rows: PortfolioRow[] = [];
  const problems: PortfolioProblem[] = [];
  const notes = new Map<string, BatchNote>();
  const unusable = pathProblems.map((p) => ({ file: p.path, reason: p.reason }));
  for (const f of files) {
    if (opts.skip && resolve(f.path) === opts.skip) continue;
    const o = await analyzeFile(f.path, today, asOf, true);
    if (!o.ok) {
      unusable.push({ file: f.path, reason: o.reason });
      continue;
    }
    const a = o.analysis;
    // The fingerprint `fill` / «Calcular y escribir» store (template 1.1) says it directly; workbooks filled by an
    // earlier RAOCE have none, and are compared output by output (stale-outputs.ts).
    const fresh = a.freshness.state !== "unknown" ? a.freshness.state : outputsFreshness(o.snapshot, today);
    // Copied through JSON: strings cut from a workbook's XML can keep the whole XML text alive (V8 sliced strings),
    // and a batch keeps its rows until the end; copies keep memory flat in the number of files.
    const own = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
    // Issue #13: pending change notices (Avisos, R49) and correction letters from the Evidencia sheet (R33) feed R58.
    const after = afterFilingDeadlines(a.afterFiling, a.result.asOf);
    rows.push(...own(clientRows({
      file: f.path, result: a.result, summary: a.summary, stale: fresh === "never" ? null : fresh === "stale",
      pendingNotices: after.filter((d) => d.kind === "notice").map((d) => d.date),
      pendingCorrections: a.afterFiling.corrections.filter((c) => c.corrections.length > 0).map((c) => ({ program: c.program, number: c.number, by: c.deadline.by })),
      calendar: workbookCalendar(a.input),
    })));
    const client = a.result.company.name ?? a.result.company.rfc ?? f.relative;
    for (const i of a.issues) {
      if (i.severity === "info") continue;
      if (BATCH_ONCE_CODES.has(i.code)) {
        const key = `${i.code}|${i.message}`;
        const n = notes.get(key) ?? own({ code: i.code, message: i.message, files: 0 });
        n.files++;
        notes.set(key, n);
        continue;
      }
      problems.push(own({ client, rfc: a.result.company.rfc, file: f.path, location: i.location, severity: i.severity, message: i.message }));
    }
    // Estimated rates are notes (info) in a single workbook; across a portfolio they are still worth one line.
    for (const i of a.issues) {
      if (i.severity !== "info" || !BATCH_ONCE_CODES.has(i.code)) continue;
      const key = `${i.code}|${i.message}`;
      const n = notes.get(key) ?? own({ code: i.code, message: i.message, files: 0 });
      n.files++;
      notes.set(key, n);
    }
    opts.onClient?.(f.path, a, o.snapshot);
  }
  for (const u of unusable) problems.push({ client: "—", rfc: null, file: u.file, location: null, severity: "unusable", message: `Archivo inutilizable: ${u.reason}` });
  return { rows: sortRows(rows), problems, batchNotes: [...notes.values()], unusable, files: files.length };
}
