/**
 * From pedimento records to the figures' populations: duplicates dropped (overlapping monthly files), rectification
 * chains followed to their end (R53), the fiscal year by payment date (R55), the clave mapping applied (R54) and the
 * value basis chosen (R55, R25). Pure.
 */
import { yearOf } from "../dates";
import { claveTable, ruleKey, type ClaveRule, type Treatment } from "./claves";
import { formatPedimento } from "./pedimento-number";
import type { PedimentoRecord, PedimentoRef, ReconcileInput, RectificationLink } from "./types";

export interface Classified {
  rec: PedimentoRecord;
  /** Clave after resolving an R1 to the clave it rectifies. */
  clave: string;
  rule: ClaveRule | null;
  treatment: Treatment | "unknown";
  /** Year the pedimento counts in (the chain's original payment date, else its own). */
  year: number | null;
  /** Value on the basis of the figure it feeds, pesos. */
  mxn: number;
  /** The export basis fell back to ValorComercial (consignment without ValorAgregado). */
  basisFallback: boolean;
  /** Pedimentos this one replaces (whole chain back to the original), oldest first. */
  replaces: PedimentoRecord[];
}

export interface Population {
  /** Counted or not, every distinct pedimento that is not superseded. */
  effective: Classified[];
  /** Superseded by an R1 (in the chain of an effective pedimento), with their own classification. */
  superseded: Classified[];
  duplicates: { kept: PedimentoRecord; dropped: PedimentoRecord; sameValues: boolean }[];
  /** R1s whose replaced pedimento is not in the records. */
  unmatched: RectificationLink[];
}

export const refOf = (c: Pick<Classified, "rec" | "clave" | "mxn">): PedimentoRef => ({
  number: c.rec.number,
  display: formatPedimento(c.rec.number),
  clave: c.clave,
  paidOn: c.rec.paidOn,
  mxn: c.mxn,
  usd: c.rec.usd,
  source: c.rec.source,
});

const isR1 = (clave: string) => /^R\d$/i.test(clave.trim());

export function classify(input: ReconcileInput): Population {
  const table = claveTable(input.claves);
  const byNumber = new Map<string, PedimentoRecord>();
  const duplicates: Population["duplicates"] = [];
  for (const rec of input.pedimentos) {
    const kept = byNumber.get(rec.number);
    if (!kept) {
      byNumber.set(rec.number, rec);
      continue;
    }
    const sameValues = kept.commercialMxn === rec.commercialMxn && kept.direction === rec.direction && kept.clave === rec.clave;
    duplicates.push({ kept, dropped: rec, sameValues });
  }

  // R53: previous → the R1 that replaces it. A pedimento replaced twice keeps the last link read.
  const next = new Map<string, RectificationLink>();
  const prevOf = new Map<string, RectificationLink>();
  const unmatched: RectificationLink[] = [];
  for (const link of input.rectifications) {
    if (link.previous === link.number) continue;
    next.set(link.previous, link);
    prevOf.set(link.number, link);
    if (!byNumber.has(link.previous)) unmatched.push(link);
  }
  const superseded = new Set<string>();
  // Only when the R1's own values are loaded: otherwise the original keeps counting (and the R1 is reported).
  for (const [prev, link] of next) if (byNumber.has(link.number)) superseded.add(prev);

  const chainBack = (number: string): { replaces: PedimentoRecord[]; link: RectificationLink | null } => {
    const replaces: PedimentoRecord[] = [];
    const seen = new Set<string>([number]);
    let cur = prevOf.get(number) ?? null;
    const first = cur;
    while (cur && !seen.has(cur.previous)) {
      seen.add(cur.previous);
      const rec = byNumber.get(cur.previous);
      if (rec) replaces.unshift(rec);
      cur = prevOf.get(cur.previous) ?? null;
    }
    return { replaces, link: first };
  };

  const classifyOne = (rec: PedimentoRecord, clave: string, year: number | null, replaces: PedimentoRecord[]): Classified => {
    const rule = rec.direction ? table.get(ruleKey(clave, rec.direction)) ?? null : null;
    const treatment: Treatment | "unknown" = rule ? rule.treatment : "unknown";
    let mxn = rec.commercialMxn;
    let basisFallback = false;
    if (treatment === "export-direct" || treatment === "export-virtual" || treatment === "export-subtract") {
      if (input.consignment) {
        if (rec.valueAdded !== null) mxn = rec.valueAdded;
        else basisFallback = true;
      }
    } else if (treatment === "import" || treatment === "import-virtual") {
      if (input.importBasis === "customs" && rec.customsMxn !== null) mxn = rec.customsMxn;
    }
    return { rec, clave, rule, treatment, year, mxn, basisFallback, replaces };
  };

  const effective: Classified[] = [];
  const supersededList: Classified[] = [];
  for (const rec of byNumber.values()) {
    if (superseded.has(rec.number)) continue;
    const { replaces, link } = chainBack(rec.number);
    const original = replaces[0] ?? null;
    let clave = rec.clave.trim().toUpperCase();
    if (isR1(clave) || (link && !clave)) {
      const fromLink = link?.clave && !isR1(link.clave) ? link.clave.trim().toUpperCase() : null;
      const fromChain = [...replaces].reverse().find((p) => !isR1(p.clave))?.clave.trim().toUpperCase() ?? null;
      clave = fromLink ?? fromChain ?? clave;
    }
    // The R1 belongs to the period of the operation it corrects (the chain's original), when that one is known.
    const dateFrom = original?.paidOn ?? rec.paidOn;
    const year = dateFrom ? yearOf(dateFrom) : null;
    const c = classifyOne(rec, clave, year, replaces);
    effective.push(c);
    for (const old of replaces) {
      const oldClave = isR1(old.clave) ? clave : old.clave.trim().toUpperCase();
      supersededList.push({ ...classifyOne(old, oldClave, year, []), replaces: [] });
    }
  }
  return { effective, superseded: supersededList, duplicates, unmatched };
}
