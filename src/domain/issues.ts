/** A problem found in the report input. `path` points into the input document (e.g. `goods[3].tariffCode`). */
export type Severity = "error" | "warning" | "info";

export interface Issue {
  severity: Severity;
  /** Stable machine code, e.g. `RFC_CHECK_DIGIT`. */
  code: string;
  message: string;
  messageEn: string;
  path: string;
  /** Rule ids of ../shared/domain (R1–R43) that ground the issue. */
  rule?: string;
}

export function issue(
  severity: Severity,
  code: string,
  path: string,
  message: string,
  messageEn: string,
  rule?: string,
): Issue {
  return rule ? { severity, code, message, messageEn, path, rule } : { severity, code, message, messageEn, path };
}

export interface IssueSummary {
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts by severity — the one place the engine, the workbook analysis and the pane get their totals from. */
export function summarizeIssues(issues: readonly Issue[]): IssueSummary {
  const summary: IssueSummary = { errors: 0, warnings: 0, infos: 0 };
  for (const i of issues) {
    if (i.severity === "error") summary.errors++;
    else if (i.severity === "warning") summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

export const hasErrors = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === "error");

/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an argument, and V8 throws
 * "Maximum call stack size exceeded" past ~120,000 of them (a document with 32,000 goods × 4 problems): lists that
 * grow with the user's rows are appended with this instead.
 */
export function pushAll<T>(target: T[], ...lists: readonly (readonly T[])[]): T[] {
  for (const list of lists) for (const item of list) target.push(item);
  return target;
}
