/**
 * The fingerprint `fill` / «Calcular y escribir» store next to the outputs they write (RAOCE_HUELLA, on the hidden
 * version sheet): a hash of the inputs the results were computed from, and a short hash of every output cell as
 * written. Pure and browser-safe (the task pane bundles it): FNV-1a in plain TypeScript, no node:crypto.
 *
 * - Inputs changed since the last calculation → the results are stale: `check`, the pane and the Captura VUCEM banner
 *   say "Resultados desactualizados: vuelva a calcular".
 * - An output cell that no longer holds what was written → someone typed there: the next write reports it before
 *   replacing it.
 *
 * Stored text: `raoce-huella 1;i=<16 hex>;c=<ISO date>;n=<cells>;g=<cells per hash>;o=<2 chars per group>`.
 */
import type { CellValue } from "./port";

export const FINGERPRINT_PREFIX = "raoce-huella 1";

/** At most this many 2-character output hashes are stored (the cell holds 32,767 characters). */
export const MAX_OUTPUT_HASHES = 12_000;

/** FNV-1a over UTF-16 code units, 32 bits, from a given offset basis. */
function fnv1a(s: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 64 bits as 16 hex digits (two FNV-1a lanes with different bases). */
export function hash64(s: string): string {
  return fnv1a(s, 0x811c9dc5).toString(16).padStart(8, "0") + fnv1a(s, 0x01000193 ^ 0x5bd1e995).toString(16).padStart(8, "0");
}

/** JSON with object keys sorted: the same document always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v ?? null) ?? "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(",")}}`;
}

/** The hash of the inputs as read from the workbook (the report document `readInput` builds). */
export function inputsHash(input: Record<string, unknown>): string {
  return hash64(canonicalJson(input));
}

/** A cell value as compared across a save: numbers to 15 significant digits, empty text = empty cell. */
export function cellKey(v: CellValue | undefined): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v === "number") return `n${Number.isFinite(v) ? Number(v.toPrecision(15)) : String(v)}`;
  if (typeof v === "string") return `s${v}`;
  if (typeof v === "boolean") return `b${v}`;
  return `e${v.error}`;
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** 12 bits of a string as two base-64 characters. */
function hash12(s: string): string {
  const h = fnv1a(s, 0x811c9dc5);
  return B64[(h >>> 6) & 63]! + B64[h & 63]!;
}

/** One output cell: where it is and what it holds. */
export interface OutputCell {
  /** "Sheet!A1" */
  at: string;
  value: CellValue;
}

export interface OutputDigest {
  /** Number of cells hashed. */
  n: number;
  /** Consecutive cells per hash (1 unless there are more than MAX_OUTPUT_HASHES cells). */
  g: number;
  /** Two characters per group. */
  o: string;
}

export function outputDigest(cells: readonly OutputCell[]): OutputDigest {
  const g = Math.max(1, Math.ceil(cells.length / MAX_OUTPUT_HASHES));
  let o = "";
  for (let k = 0; k < cells.length; k += g) {
    let text = "";
    for (let j = k; j < Math.min(cells.length, k + g); j++) text += `${cells[j]!.at}\u0001${cellKey(cells[j]!.value)}\u0002`;
    o += hash12(text);
  }
  return { n: cells.length, g, o };
}

/**
 * Indexes of the cells that no longer hold what the digest recorded (every cell of a changed group), or null when the
 * digest cannot tell (a different number of output cells: rows were added or removed since).
 */
export function changedOutputs(stored: OutputDigest, now: readonly OutputCell[]): number[] | null {
  if (stored.n !== now.length) return null;
  const current = outputDigest(now);
  if (current.g !== stored.g) return null;
  const changed: number[] = [];
  for (let k = 0, group = 0; k < now.length; k += stored.g, group++) {
    if (current.o.slice(group * 2, group * 2 + 2) === stored.o.slice(group * 2, group * 2 + 2)) continue;
    for (let j = k; j < Math.min(now.length, k + stored.g); j++) changed.push(j);
  }
  return changed;
}

export interface Fingerprint {
  inputs: string;
  /** ISO date of the calculation. */
  computedOn: string;
  outputs: OutputDigest;
}

export function formatFingerprint(f: Fingerprint): string {
  return `${FINGERPRINT_PREFIX};i=${f.inputs};c=${f.computedOn};n=${f.outputs.n};g=${f.outputs.g};o=${f.outputs.o}`;
}

/** The stored fingerprint, or null when the cell is empty or holds anything else. */
export function parseFingerprint(v: CellValue | undefined): Fingerprint | null {
  if (typeof v !== "string" || !v.startsWith(`${FINGERPRINT_PREFIX};`)) return null;
  const m = /^raoce-huella 1;i=([0-9a-f]{16});c=(\d{4}-\d{2}-\d{2});n=(\d{1,7});g=(\d{1,7});o=([A-Za-z0-9+/]*)$/.exec(v);
  if (!m) return null;
  const outputs = { n: Number(m[3]), g: Number(m[4]), o: m[5]! };
  if (outputs.g < 1 || outputs.o.length !== 2 * Math.ceil(outputs.n / outputs.g)) return null;
  return { inputs: m[1]!, computedOn: m[2]!, outputs };
}

/**
 * The number the Captura VUCEM banner formula recomputes in Excel (see `CAPTURE_DIGEST_FORMULA` in
 * layout-freshness.ts) from the same cells: numbers summed with weights, texts by length. Computed here from the
 * snapshot's raw cell values exactly as Excel's N(), SUM() and ISTEXT()*LEN() do.
 */
export function captureDigest(parts: { weight: number; kind: "number" | "text"; values: readonly CellValue[] }[]): number {
  let total = 0;
  for (const p of parts) {
    let s = 0;
    for (const v of p.values) {
      if (p.kind === "number" && typeof v === "number" && Number.isFinite(v)) s += v;
      else if (p.kind === "text" && typeof v === "string") s += v.length;
    }
    total += p.weight * s;
  }
  return total;
}
