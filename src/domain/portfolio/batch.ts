/** What a portfolio keeps of a batch besides its rows: the problems of every client and the batch-wide notes. */
export interface PortfolioProblem {
  client: string;
  rfc: string | null;
  file: string;
  /** "Sheet!A1" in the client's workbook, or null. */
  location: string | null;
  severity: "error" | "warning" | "info" | "unusable";
  message: string;
}

/** A warning said once for the whole batch (e.g. the same missing exchange rate in 60 workbooks). */
export interface BatchNote {
  code: string;
  message: string;
  files: number;
}

/** Issues that depend on the year, not on the client: said once per batch. */
export const BATCH_ONCE_CODES: ReadonlySet<string> = new Set(["RATE_MISSING", "RATE_ESTIMATE"]);
