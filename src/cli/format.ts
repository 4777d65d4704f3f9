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

/**
 * Every line the CLI prints goes through here last (main.ts `run`): each line made `printable`, line breaks kept. The
 * commands already print user text with `printable` (so a name cannot add a line); this pass makes sure that no
 * control or bidi character from a file name, a sheet name or a JSON value reaches the terminal raw, whatever path
 * the text took.
 */
export function terminalText(s: string): string {
  // Fast path: most output has nothing to escape.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/.test(s)) return s;
  return s.split("\n").map(printable).join("\n");
}

/** Characters JSON.stringify leaves raw that a terminal acts on (C1 controls, DEL, bidi overrides, line separators). */
const JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON for stdout: the same data, with every character a terminal would act on written as a \\uXXXX escape. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export const money = (n: number | null | undefined, digits = 2): string =>
  n === null || n === undefined ? "—" : n.toLocaleString("es-MX", { minimumFractionDigits: digits, maximumFractionDigits: digits });
