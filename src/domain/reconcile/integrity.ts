/**
 * R57 (and R50's RFC and period checks): what the customs files themselves say about their quality. The adapter
 * gathers the facts while reading; this module turns them into issues. Pure.
 */
import { issue, type Issue } from "../issues";
import { formatPedimento } from "./pedimento-number";
import type { PedimentoRecord } from "./types";

export interface ResumenFacts {
  file: string;
  rfc: string | null;
  from: string | null;
  to: string | null;
}

export interface IntegrityFacts {
  /** 551 rows whose pedimento has no 501 row (count and a few examples). */
  orphanItems: { count: number; examples: string[] };
  resumen: ResumenFacts[];
  companyRfc: string | null;
  fiscalYear: number;
  /** The source is a Data Stage (the period and Resumen checks apply). */
  dataStage: boolean;
}

/** ±1 peso per item between Σ ValorComercial and Σ ValorDolares × TipoCambio. */
export function valueMismatch(p: PedimentoRecord): number | null {
  if (p.usd === null || p.exchangeRate === null || p.items === 0) return null;
  const gap = p.commercialMxn - p.usd * p.exchangeRate;
  return Math.abs(gap) > p.items * 1 + 1e-6 ? gap : null;
}

const normRfc = (s: string | null) => (s ?? "").trim().toUpperCase().replace(/[\s-]/g, "");

export function checkIntegrity(records: readonly PedimentoRecord[], facts: IntegrityFacts): Issue[] {
  const out: Issue[] = [];
  if (facts.orphanItems.count > 0) {
    out.push(issue("warning", "DS_ORPHAN_ITEMS", "", `${facts.orphanItems.count} partida(s) del archivo 551 no tienen pedimento en el 501 (p. ej. ${facts.orphanItems.examples.slice(0, 3).join("; ")}): no se sumaron. Pida el Data Stage completo de ese mes.`, `${facts.orphanItems.count} item row(s) in 551 have no 501 header: not added.`, "R57"));
  }
  const noItems = records.filter((p) => facts.dataStage && p.items === 0);
  if (noItems.length) {
    out.push(issue("warning", "DS_NO_ITEMS", "", `${noItems.length} pedimento(s) del 501 no tienen partidas en el 551 (p. ej. ${noItems.slice(0, 3).map((p) => `${formatPedimento(p.number)}, ${p.source}`).join("; ")}): su valor es cero aquí.`, `${noItems.length} pedimento(s) in 501 have no items in 551: their value is zero here.`, "R57"));
  }
  const mismatched = records.map((p) => ({ p, gap: valueMismatch(p) })).filter((x) => x.gap !== null);
  if (mismatched.length) {
    const ex = mismatched.slice(0, 3).map(({ p, gap }) => `${formatPedimento(p.number)}: ${Math.round(gap!).toLocaleString("es-MX")} pesos`);
    out.push(issue("warning", "DS_VALUE_USD", "", `${mismatched.length} pedimento(s) cuyo valor comercial no coincide con el valor en dólares por el tipo de cambio del pedimento (±1 peso por partida): ${ex.join("; ")}. Revise esos pedimentos contra el pedimento impreso.`, `${mismatched.length} pedimento(s) whose commercial value differs from USD value × the pedimento's rate (±1 peso per item).`, "R57"));
  }
  if (!facts.dataStage) return out;
  const company = normRfc(facts.companyRfc);
  const foreign = facts.resumen.filter((r) => r.rfc && company && normRfc(r.rfc) !== company);
  if (foreign.length) {
    const rfcs = [...new Set(foreign.map((r) => r.rfc!.trim().toUpperCase()))].join(", ");
    const files = foreign.length === 1 ? foreign[0]!.file : `${foreign.length} archivos Resumen (p. ej. ${foreign[0]!.file})`;
    out.push(issue("error", "DS_RFC_MISMATCH", "company.rfc", `El Data Stage es del RFC ${rfcs} (${files}), pero el libro es de ${facts.companyRfc}: no se puede conciliar con datos de otra empresa. Use el Data Stage de esta empresa.`, `The Data Stage belongs to RFC ${rfcs}, the workbook to ${facts.companyRfc}.`, "R57"));
  }
  if (facts.resumen.length === 0) {
    out.push(issue("warning", "DS_NO_RESUMEN", "", "Ningún archivo Resumen en el Data Stage: no se pudo comprobar el RFC ni el periodo que cubre.", "No Resumen file in the Data Stage: the RFC and the period could not be checked.", "R50"));
  } else {
    const Y = facts.fiscalYear;
    const months = new Set<number>();
    for (const r of facts.resumen) {
      if (!r.from || !r.to) continue;
      let y = Number(r.from.slice(0, 4));
      let m = Number(r.from.slice(5, 7));
      const endY = Number(r.to.slice(0, 4));
      const endM = Number(r.to.slice(5, 7));
      for (let guard = 0; guard < 600 && (y < endY || (y === endY && m <= endM)); guard++) {
        if (y === Y) months.add(m);
        m++;
        if (m > 12) {
          m = 1;
          y++;
        }
      }
    }
    const missing = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !months.has(m));
    if (missing.length) {
      const names = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
      out.push(issue("warning", "DS_PERIOD", "", `El Data Stage no cubre todo el ejercicio ${Y}: faltan ${missing.map((m) => names[m - 1]).join(", ")} (según los archivos Resumen). Los totales de esos meses faltan.`, `The Data Stage does not cover all of ${Y}: months ${missing.join(", ")} are missing.`, "R50"));
    }
    const late = facts.resumen.some((r) => r.to && r.to >= `${Y + 1}-01-31`);
    if (!late) {
      out.push(issue("info", "DS_LATE_R1", "", `Cargue también el Data Stage de enero a mayo de ${Y + 1}: las rectificaciones de pedimentos de ${Y} pueden llegar en esos meses, y los consolidados de diciembre se pagan en enero.`, `Also load January–May ${Y + 1}: rectifications of ${Y} pedimentos may arrive then.`, "R53"));
    }
  }
  return out;
}
