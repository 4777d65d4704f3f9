/**
 * `raoce check --resumen` (issue #11 §3): one line per client, then the warnings and errors repeated across files said
 * once each with the number of files (the same missing exchange rate in 60 workbooks is one line, not 60).
 */
import type { UsableAnalysis } from "../workbook/analyze";
import type { LocatedIssue } from "../workbook/read-input";
import { fileSummary } from "./workbook-run";
import { STATUS_SHORT_ES } from "../domain/portfolio/rows";
import { printable } from "./format";

export interface RepeatedIssue {
  severity: "error" | "warning";
  code: string;
  message: string;
  files: number;
}

const dm = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;
const fit = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + "…" : s.padEnd(w));

export class CheckSummary {
  private lines: string[] = [];
  private counts = new Map<string, RepeatedIssue>();

  add(file: string, a: UsableAnalysis): void {
    const r = a.result;
    const progs = r.programs.map((p) => {
      const st = p.status ? STATUS_SHORT_ES[p.status] : "—";
      const due = p.status === "EN_PLAZO" || p.status === "PERIODO_NO_ABIERTO" ? ` vence ${dm(p.deadlines!.due)}` : "";
      return `${p.type} ${st}${due}`;
    });
    const s = a.summary;
    const counts = `${s.errors} ${s.errors === 1 ? "error" : "errores"}, ${s.warnings} ${s.warnings === 1 ? "aviso" : "avisos"}${a.freshness.state === "stale" ? ", resultados desactualizados" : ""}`;
    this.lines.push(printable(`${fit(r.company.rfc ?? "—", 13)}  ${fit(r.company.name ?? "(sin razón social)", 28)}  ${progs.join(" · ") || "sin programas"} — ${counts} — ${file}`));
    const seen = new Set<string>();
    for (const i of a.issues) {
      if (i.severity === "info") continue;
      const key = `${i.severity}|${i.code}|${i.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const c = this.counts.get(key) ?? { severity: i.severity, code: i.code, message: i.message, files: 0 };
      c.files++;
      this.counts.set(key, c);
    }
  }

  addUnusable(file: string, reason: string): void {
    this.lines.push(printable(`${fit("—", 13)}  ${fit("(inutilizable)", 28)}  ${reason} — ${file}`));
  }

  /** Problems found in two or more files, most frequent first. */
  repeated(): RepeatedIssue[] {
    return [...this.counts.values()].filter((c) => c.files > 1).sort((a, b) => b.files - a.files || a.code.localeCompare(b.code));
  }

  text(): string {
    const out = [...this.lines];
    const rep = this.repeated();
    if (rep.length) {
      out.push("", "Repetidos en varios libros (cada uno dicho una vez):");
      for (const c of rep) out.push(printable(`  [${c.severity === "error" ? "ERROR" : "AVISO"}] ${c.message} — ${c.files} libros`));
    }
    out.push("", "Detalle de un cliente: raoce check <libro.xlsx>");
    return out.join("\n");
  }
}

const warningKey = (i: LocatedIssue) => `${i.code}|${i.message}`;

/**
 * `raoce check a.xlsx b.xlsx …` without --resumen: the per-file summaries, with a warning that repeats across files
 * (same code and text, e.g. the year's estimated exchange rate) listed once at the end with its count instead of in
 * every file. Keeps per file only what the summary prints (no goods list, no workbook).
 */
export class CollapsedBatch {
  private files: { file: string; a: UsableAnalysis }[] = [];
  private count = new Map<string, { message: string; files: number }>();

  add(file: string, a: UsableAnalysis): void {
    // Kept until the end of the batch: the per-file summary needs the result, counts and issues, not the goods rows
    // or the input document (they can be large), so those are dropped.
    this.files.push({ file, a: { ...a, input: {}, read: { ...a.read, input: {} }, result: { ...a.result, goods: [] } } });
    const seen = new Set<string>();
    for (const i of a.issues) {
      if (i.severity !== "warning" || seen.has(warningKey(i))) continue;
      seen.add(warningKey(i));
      const c = this.count.get(warningKey(i)) ?? { message: i.message, files: 0 };
      c.files++;
      this.count.set(warningKey(i), c);
    }
  }

  texts(): string[] {
    const repeated = new Set([...this.count.entries()].filter(([, c]) => c.files > 1).map(([k]) => k));
    const out = this.files.map(({ file, a }) => fileSummary(file, { ...a, issues: a.issues.filter((i) => !(i.severity === "warning" && repeated.has(warningKey(i)))) }, { freshness: true }));
    if (repeated.size) {
      const lines = ["Avisos repetidos en varios libros (dichos una vez):"];
      for (const k of repeated) {
        const c = this.count.get(k)!;
        lines.push(printable(`    [AVISO] ${c.message} — ${c.files} libros`));
      }
      out.push(lines.join("\n"));
    }
    return out;
  }
}
