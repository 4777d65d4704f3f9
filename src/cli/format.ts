/**
 * Text from a workbook or a JSON document, made safe to print on one terminal line: a line break becomes " ↵ " (a
 * company name cannot forge an "[ERROR]" line), a tab a space, other control characters (ESC sequences that recolour
 * or clear the terminal, CR that rewrites the line, C1 controls) and bidirectional overrides "�".
 */
export function printable(s: string): string {
  return s
    .replace(/\r\n|[\r\n\u2028\u2029]/g, " ↵ ")
    .replace(/\t/g, " ")
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "\ufffd");
}

/** Plain-text tables for the terminal (Spanish output without --json). */
export function table(headers: string[], rows: (string | number | null | undefined)[][]): string {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? "—" : printable(String(c)))));
  const widths = headers.map((h, i) => cells.reduce((w, r) => Math.max(w, (r[i] ?? "").length), h.length));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(headers), line(widths.map((w) => "─".repeat(w))), ...cells.map(line)].join("\n");
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export const money = (n: number | null | undefined, digits = 2): string =>
  n === null || n === undefined ? "—" : n.toLocaleString("es-MX", { minimumFractionDigits: digits, maximumFractionDigits: digits });
