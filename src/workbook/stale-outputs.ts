/**
 * Are a workbook's written results still those of its inputs? (portfolio column "Resultados", issue #11 §1.) For
 * workbooks without the inputs fingerprint (RAOCE_HUELLA, template 1.1): those filled by an earlier RAOCE.
 * Re-runs the analysis at the as-of date and stamp the workbook itself recorded (RAOCE_FECHA_CORTE_USADA,
 * RAOCE_SELLO_EMPRESA) and compares what `fill` would write into the named output cells and the output table columns
 * with what is there now. Time passing does not make results stale; a changed input (a figure, a filing date, a
 * program) does. Pure (no I/O): the snapshot is already read.
 */
import type { IsoDate } from "../domain/dates";
import { analyzeSnapshot } from "./analyze";
import { parseRange, type CellValue, type WorkbookSnapshot, isCellError } from "./port";
import { serialToIso } from "./serial-dates";
import { buildWritePlan } from "./write-plan";
import { BLOCKS } from "./layout";

/** Read-only opens skip the generated lists' sheets (xlsx-file.ts): their cells are not compared. */
const LIST_SHEETS = new Set<string>(BLOCKS.map((b) => b.sheet));

export type Freshness = "current" | "stale" | "never";

const STAMP = "RAOCE_SELLO_EMPRESA";
const AS_OF_USED = "RAOCE_FECHA_CORTE_USADA";

function singleValue(snapshot: WorkbookSnapshot, name: string): CellValue {
  const s = snapshot.names[name];
  return s && s.found ? (s.values[0]?.[0] ?? null) : null;
}

/** Every cell the snapshot holds, keyed "sheet!A1" (names and table bodies). */
function cellIndex(snapshot: WorkbookSnapshot): Map<string, CellValue> {
  const m = new Map<string, CellValue>();
  for (const s of Object.values(snapshot.names)) {
    if (!s.found) continue;
    const r = parseRange(s.address);
    if (!r) continue;
    s.values.forEach((row, i) => row.forEach((v, j) => m.set(`${s.sheet}!${r.start.row + i}:${r.start.col + j}`, v)));
  }
  for (const t of Object.values(snapshot.tables)) {
    if (!t.found) continue;
    const tl = parseRange(t.bodyTopLeft);
    if (!tl) continue;
    t.rows.forEach((row, i) => row.forEach((v, j) => m.set(`${t.sheet}!${tl.start.row + i}:${tl.start.col + j}`, v)));
  }
  return m;
}

function same(a: CellValue | undefined, b: CellValue): boolean {
  const blank = (v: CellValue | undefined) => v === null || v === undefined || v === "";
  if (blank(a) && blank(b)) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (isCellError(a) || isCellError(b)) return false;
  return String(a).trim() === String(b).trim();
}

export function outputsFreshness(snapshot: WorkbookSnapshot, today: IsoDate): Freshness {
  const stampRaw = singleValue(snapshot, STAMP);
  const asOfRaw = singleValue(snapshot, AS_OF_USED);
  if (typeof stampRaw !== "number" || typeof asOfRaw !== "number") return "never";
  const stamp = serialToIso(stampRaw, snapshot.date1904);
  const asOf = serialToIso(asOfRaw, snapshot.date1904);
  if (!stamp || !asOf) return "never";
  const a = analyzeSnapshot(snapshot, today, { asOf });
  if (!a.usable) return "never";
  const plan = buildWritePlan(a, snapshot, stamp);
  const cells = cellIndex(snapshot);
  for (const w of plan.ranges) {
    if (LIST_SHEETS.has(w.sheet)) continue;
    const r = parseRange(w.address);
    if (!r) continue;
    for (let i = 0; i < w.values.length; i++) {
      const row = w.values[i]!;
      for (let j = 0; j < row.length; j++) {
        const key = `${w.sheet}!${r.start.row + i}:${r.start.col + j}`;
        if (!cells.has(key)) continue; // a cell the snapshot does not hold cannot be compared
        if (!same(cells.get(key), row[j] as CellValue)) return "stale";
      }
    }
  }
  return "current";
}
