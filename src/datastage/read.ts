/**
 * Reads Data Stage deliveries into pedimento records (R50–R53): 501 headers, 551 items summed per pedimento AS THEY
 * STREAM (memory grows with pedimentos, not with items), 507 consolidated flags, 505 invoice dates, 701
 * rectification links, Resumen RFC and period. Every field is text until we convert it; problems are counted and
 * located (file, line).
 */
import type { IsoDate } from "../domain/dates";
import { issue, type Issue } from "../domain/issues";
import type { ResumenFacts } from "../domain/reconcile/integrity";
import { pedimentoFromParts } from "../domain/reconcile/pedimento-number";
import type { PedimentoRecord, RectificationLink } from "../domain/reconcile/types";
import { parseDsDate, parseDsNumber } from "./fields";
import { mapColumns, type ColumnMap } from "./layout";
import { forEachRawLine, pickFields, splitFields } from "./lines";
import type { AscFile, Delivery } from "./sources";

export interface DataStageRead {
  records: PedimentoRecord[];
  rectifications: RectificationLink[];
  resumen: ResumenFacts[];
  orphanItems: { count: number; examples: string[] };
  problems: Issue[];
  stats: { deliveries: number; files: number; pedimentos: number; items: number };
}

interface Agg extends PedimentoRecord {
  key3: string;
}

const ORDER = ["resumen", "501", "507", "505", "701", "551"];
const MAX_EXAMPLES = 3;

class Problems {
  private byKind = new Map<string, { count: number; examples: string[]; es: string }>();
  readonly issues: Issue[] = [];
  note(kind: string, es: string, where: string) {
    const k = this.byKind.get(kind) ?? { count: 0, examples: [], es };
    k.count++;
    if (k.examples.length < MAX_EXAMPLES) k.examples.push(where);
    this.byKind.set(kind, k);
  }
  flush(): Issue[] {
    for (const [kind, k] of this.byKind) {
      this.issues.push(issue("warning", `DS_${kind}`, "", `${k.es}: ${k.count} fila(s), p. ej. ${k.examples.join("; ")}. Esas filas no se sumaron.`, `${k.es}: ${k.count} row(s).`, "R50"));
    }
    return this.issues;
  }
}

const get = (f: string[], m: ColumnMap, field: string): string => {
  const j = m.index[field];
  return j === undefined ? "" : (f[j] ?? "").trim();
};
const key3 = (p: string, n: string, s: string) => `${p.padStart(4, "0")}|${n.padStart(7, "0")}|${s.padStart(3, "0")}`;
const yearOf = (d: IsoDate | null) => (d ? Number(d.slice(0, 4)) : null);

/** Reads one file: header mapped by name (or documented positions), then each row to `onRow` (fields split). */
async function readFile(file: AscFile, problems: Problems, onRow: (f: string[], m: ColumnMap, lineNo: number) => void): Promise<void> {
  let map: ColumnMap | null = null;
  let bad = false;
  await forEachRawLine(file.chunks(), (line, lineNo) => {
    if (bad) return;
    const fields = splitFields(line);
    if (!map) {
      map = mapColumns(file.code, fields);
      if (map.missing.length) {
        bad = true;
        problems.issues.push(missingColumns(file, map));
        return;
      }
      if (!map.headerless) return;
    }
    onRow(fields, map, lineNo);
  });
}

function missingColumns(file: AscFile, map: ColumnMap): Issue {
  return issue("error", "DS_COLUMNS", "", `${file.label}: faltan las columnas ${map.missing.join(", ")} en el encabezado (línea 1); no se puede leer este archivo. ¿Es un archivo del Data Stage?`, `${file.label}: columns ${map.missing.join(", ")} are missing from the header.`, "R50");
}

const ITEM_FIELDS = ["Patente", "Pedimento", "SeccionAduanera", "ValorComercial", "ValorAduana", "ValorDolares", "ValorAgregado"] as const;

/**
 * The 551 items, the bulk of a year: only the 7 fields the totals need are cut out of each line, and the pedimento is
 * found by the line's raw `Patente|Pedimento|Seccion` prefix (cached), so an item costs a few slices and one lookup.
 */
async function readItems(file: AscFile, problems: Problems, byKey: Map<string, Agg>, orphanItems: DataStageRead["orphanItems"]): Promise<number> {
  let map: ColumnMap | null = null;
  let bad = false;
  let items = 0;
  let order: number[] = [];
  let slot: number[] = [];
  const picked: string[] = [];
  const byPrefix = new Map<string, Agg | null>();
  const handle = (v: string[], lineNo: number) => {
    items++;
    const p = v[slot[0]!]!;
    const n = v[slot[1]!]!;
    const sec = v[slot[2]!]!;
    const vcT = v[slot[3]!];
    const vaT = v[slot[4]!];
    const usdT = v[slot[5]!];
    const addedT = v[slot[6]!];
    const prefix = `${p}|${n}|${sec}`;
    let rec = byPrefix.get(prefix);
    if (rec === undefined) {
      rec = byKey.get(key3(p.trim(), n.trim(), sec.trim())) ?? null;
      byPrefix.set(prefix, rec);
    }
    if (!rec) {
      orphanItems.count++;
      if (orphanItems.examples.length < MAX_EXAMPLES) orphanItems.examples.push(`${file.label}, línea ${lineNo}`);
      return;
    }
    const vc = parseDsNumber(vcT);
    const va = parseDsNumber(vaT);
    const usd = parseDsNumber(usdT);
    const added = parseDsNumber(addedT);
    if (vc === null || Number.isNaN(vc) || Number.isNaN(va) || Number.isNaN(usd) || Number.isNaN(added)) {
      problems.note("BAD_VALUE", "Partidas del 551 con un valor que no es número (ValorComercial, ValorAduana, ValorDolares o ValorAgregado)", `${file.label}, línea ${lineNo}`);
      return;
    }
    rec.commercialMxn += vc;
    rec.customsMxn = rec.customsMxn === null || va === null ? null : rec.customsMxn + va;
    rec.usd = rec.usd === null || usd === null ? null : rec.usd + usd;
    if (added !== null) rec.valueAdded = (rec.valueAdded ?? 0) + added;
    rec.items++;
  };
  await forEachRawLine(file.chunks(), (line, lineNo) => {
    if (bad) return;
    if (!map) {
      map = mapColumns(file.code, splitFields(line));
      if (map.missing.length) {
        bad = true;
        problems.issues.push(missingColumns(file, map));
        return;
      }
      // Field indexes in ascending order, and where each requested field lands in `picked`.
      const idx = ITEM_FIELDS.map((f) => map!.index[f] ?? 10_000);
      order = [...new Set(idx)].sort((a, b) => a - b);
      slot = idx.map((i) => order.indexOf(i));
      if (!map.headerless) return;
    }
    handle(pickFields(line, order, picked), lineNo);
  });
  return items;
}

export async function readDeliveries(deliveries: readonly Delivery[]): Promise<DataStageRead> {
  const problems = new Problems();
  const records: PedimentoRecord[] = [];
  const rectifications: RectificationLink[] = [];
  const resumen: ResumenFacts[] = [];
  const orphanItems = { count: 0, examples: [] as string[] };
  let files = 0;
  let items = 0;

  for (const d of deliveries) {
    const codes = new Set(d.files.map((f) => f.code));
    for (const need of ["501", "551"]) {
      if (!codes.has(need)) problems.issues.push(issue("error", "DS_FILE_MISSING", "", `${d.origin} (folio ${d.folio}): falta el archivo ${d.folio}_${need}.asc; sin él no hay ${need === "501" ? "pedimentos" : "valores"} de esa entrega.`, `${d.origin}: file ${need} is missing.`, "R50"));
    }
    const byKey = new Map<string, Agg>();
    const sorted = [...d.files].sort((a, b) => ORDER.indexOf(a.code) - ORDER.indexOf(b.code));
    for (const file of sorted) {
      if (!ORDER.includes(file.code)) continue;
      files++;
      try {
        if (file.code === "551") {
          items += await readItems(file, problems, byKey, orphanItems);
          continue;
        }
        await readFile(file, problems, (f, m, lineNo) => {
          const where = `${file.label}, línea ${lineNo}`;
          switch (file.code) {
            case "resumen":
              resumen.push({ file: file.label, rfc: get(f, m, "RFCoPatenteAduanal") || null, from: parseDsDate(get(f, m, "Fecha_Inicial")), to: parseDsDate(get(f, m, "Fecha_Final")) });
              return;
            case "501": {
              const paidOn = parseDsDate(get(f, m, "FechaPagoReal"));
              if (!paidOn) return problems.note("BAD_DATE", "Pedimentos del 501 sin FechaPagoReal legible (AAAA-MM-DD HH:MM:SS, AAAAMMDD o DD/MM/AAAA)", where);
              const number = pedimentoFromParts(get(f, m, "Patente"), get(f, m, "Pedimento"), get(f, m, "SeccionAduanera"), yearOf(paidOn));
              if (!number) return problems.note("BAD_NUMBER", "Pedimentos del 501 con patente, número o sección aduanera que no son dígitos", where);
              const tipo = get(f, m, "TipoOperacion");
              const tc = parseDsNumber(get(f, m, "TipoCambio"));
              const rec: Agg = {
                key3: key3(get(f, m, "Patente"), get(f, m, "Pedimento"), get(f, m, "SeccionAduanera")),
                number,
                direction: tipo === "1" ? "import" : tipo === "2" ? "export" : null,
                clave: get(f, m, "ClaveDocumento").toUpperCase(),
                paidOn,
                commercialMxn: 0,
                customsMxn: 0,
                usd: 0,
                valueAdded: null,
                exchangeRate: tc !== null && Number.isFinite(tc) && tc > 0 ? tc : null,
                items: 0,
                consolidated: false,
                invoiceFrom: null,
                source: where,
              };
              if (byKey.has(rec.key3)) return problems.note("DUP_501", "Pedimentos repetidos dentro del mismo 501", where);
              byKey.set(rec.key3, rec);
              records.push(rec);
              return;
            }
            case "507": {
              const rec = byKey.get(key3(get(f, m, "Patente"), get(f, m, "Pedimento"), get(f, m, "SeccionAduanera")));
              if (rec && get(f, m, "ClaveCaso").toUpperCase() === "PC") rec.consolidated = true;
              return;
            }
            case "505": {
              const rec = byKey.get(key3(get(f, m, "Patente"), get(f, m, "Pedimento"), get(f, m, "SeccionAduanera")));
              const date = parseDsDate(get(f, m, "FechaFacturacion"));
              if (rec && date && (rec.invoiceFrom === null || date < rec.invoiceFrom)) rec.invoiceFrom = date;
              return;
            }
            case "701": {
              const own = byKey.get(key3(get(f, m, "Patente"), get(f, m, "Pedimento"), get(f, m, "SeccionAduanera")));
              const paid = own?.paidOn ?? parseDsDate(get(f, m, "FechaPagoReal")) ?? parseDsDate(get(f, m, "FechaPago"));
              const number = own?.number ?? pedimentoFromParts(get(f, m, "Patente"), get(f, m, "Pedimento"), get(f, m, "SeccionAduanera"), yearOf(paid));
              const prevDate = parseDsDate(get(f, m, "FechaOperacionAnterior"));
              const previous = pedimentoFromParts(get(f, m, "PatenteAnterior") || get(f, m, "Patente"), get(f, m, "PedimentoAnterior"), get(f, m, "SeccionAduaneraAnterior") || get(f, m, "SeccionAduanera"), yearOf(prevDate) ?? yearOf(paid));
              if (!number || !previous) return problems.note("BAD_701", "Rectificaciones del 701 sin pedimento anterior legible", where);
              const claves = [get(f, m, "ClaveDocumento"), get(f, m, "DocumentoAnterior")].map((c) => c.toUpperCase()).filter((c) => c && !/^R\d$/.test(c));
              rectifications.push({ number, previous, clave: claves[0] ?? null, source: where });
              return;
            }
          }
        });
      } catch (e) {
        problems.issues.push(issue("error", "DS_UNREADABLE", "", `${file.label}: no se pudo leer (${(e instanceof Error ? e.message : String(e)).slice(0, 120)}).`, `${file.label}: unreadable.`, "R50"));
      }
    }
  }
  // USD on exports is 2-decimal: keep sums exact to the cent.
  for (const r of records) if (r.usd !== null) r.usd = Math.round(r.usd * 100) / 100;
  for (const r of records) delete (r as Partial<Agg>).key3;
  return { records, rectifications, resumen, orphanItems, problems: problems.flush(), stats: { deliveries: deliveries.length, files, pedimentos: records.length, items } };
}
