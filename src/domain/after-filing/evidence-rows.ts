/**
 * Evidence blocks ↔ the rows of the Evidencia table (one row per recorded value, the block's identity repeated on
 * each row so any filter or sort keeps it readable). Pure.
 */
import { isIsoDate, type IsoDate } from "../dates";
import { blockDigest, type CapturedField, type EvidenceBlock } from "./evidence";

export const EVIDENCE_SECTIONS = { filing: "Presentación", capture: "Captura VUCEM" } as const;

/** One row of the table, as the reader gives it (values already converted by column type). */
export interface EvidenceRow {
  block?: unknown;
  markedOn?: unknown;
  program?: unknown;
  number?: unknown;
  filedOn?: unknown;
  folio?: unknown;
  section?: unknown;
  key?: unknown;
  label?: unknown;
  value?: unknown;
  origin?: unknown;
}

/** A row to write: [block, markedOn, program, number, filedOn, folio, section, key, label, value, origin]. */
export type EvidenceCells = [number, IsoDate, string, string | null, IsoDate, string, string, string, string, string | number | null, string | null];

const FILING_KEYS: [keyof EvidenceBlock, string][] = [
  ["preparedBy", "Preparó"],
  ["reviewedBy", "Revisó"],
  ["exchangeRate", "Tipo de cambio (MXN por USD)"],
  ["exchangeRateSource", "Fuente del tipo de cambio"],
  ["computedAt", "Cifras calculadas el"],
  ["inputsSha256", "SHA-256 de los datos del reporte"],
];

/** The rows of one block. `origins` gives, per captured key, the cell it came from ("Cifras!B6"). */
export function evidenceCells(b: EvidenceBlock, origins: Record<string, string | null> = {}): EvidenceCells[] {
  const head = (section: string, key: string, label: string, value: string | number | null, origin: string | null): EvidenceCells => [
    b.block,
    b.markedOn,
    b.program,
    b.number,
    b.filedOn,
    b.folio,
    section,
    key,
    label,
    value,
    origin,
  ];
  const rows: EvidenceCells[] = FILING_KEYS.map(([k, label]) => head(EVIDENCE_SECTIONS.filing, k, label, (b[k] as string | number | null) ?? null, null));
  for (const f of b.captured) rows.push(head(EVIDENCE_SECTIONS.capture, f.key, f.label, f.value, origins[f.key] ?? null));
  // Last: the block's own digest, so a block edited later (after lifting the sheet's protection) is noticed.
  rows.push(head(EVIDENCE_SECTIONS.filing, "blockSha256", "SHA-256 de este bloque", blockDigest(b), null));
  return rows;
}

const NUMERIC_KEY = /^(totalSales|totalExports|totalImports|goods\.\d+\.totalVolume)$/;
const text = (v: unknown): string | null => (v === undefined || v === null || v === "" ? null : String(v).trim());

/** Rows back into blocks (rows of one block need not be contiguous). Rows without a block number are ignored. */
export function evidenceBlocks(rows: readonly EvidenceRow[]): EvidenceBlock[] {
  const byBlock = new Map<number, EvidenceBlock>();
  for (const r of rows) {
    const n = typeof r.block === "number" ? r.block : Number(r.block);
    if (!Number.isInteger(n) || n < 1) continue;
    let b = byBlock.get(n);
    if (!b) {
      b = {
        block: n,
        markedOn: isIsoDate(r.markedOn) ? r.markedOn : "",
        program: text(r.program) ?? "",
        number: text(r.number),
        filedOn: isIsoDate(r.filedOn) ? r.filedOn : "",
        folio: text(r.folio) ?? "",
        preparedBy: null,
        reviewedBy: null,
        exchangeRate: null,
        exchangeRateSource: null,
        computedAt: "",
        inputsSha256: "",
        captured: [],
      };
      byBlock.set(n, b);
    }
    const key = text(r.key);
    if (!key) continue;
    const section = text(r.section);
    if (section === EVIDENCE_SECTIONS.filing) {
      const v = r.value;
      if (key === "exchangeRate") b.exchangeRate = typeof v === "number" ? v : Number.isFinite(Number(v)) && text(v) ? Number(v) : null;
      else if (key === "computedAt") b.computedAt = isIsoDate(v) ? v : (text(v) ?? "");
      else if (key === "blockSha256") b.blockSha256 = text(v);
      else if (key === "preparedBy" || key === "reviewedBy" || key === "exchangeRateSource" || key === "inputsSha256") (b as unknown as Record<string, unknown>)[key] = text(v) ?? (key === "inputsSha256" ? "" : null);
    } else {
      // Figures and volumes are numbers (the Valor column is read as text); codes such as "83-2019" stay text.
      const raw = typeof r.value === "number" ? r.value : text(r.value);
      const numeric = NUMERIC_KEY.test(key) && typeof raw === "string" && Number.isFinite(Number(raw)) ? Number(raw) : raw;
      const f: CapturedField = { key, label: text(r.label) ?? key, value: numeric, source: null };
      b.captured.push(f);
    }
  }
  return [...byBlock.values()].sort((a, b) => a.block - b.block);
}
