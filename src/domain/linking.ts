/**
 * R3, R4, R9 (rev. 2026-11): "held" ≠ "linked". A PROSEC is linked (May dates, replication from IMMEX, no own goods
 * list) only when the other program is in force for that filing: not cancelled before 1 April of the filing year (R4)
 * and not authorized during (or after) the filing year (R3).
 */
import { isIsoDate, isoDate, longDateEn, longDateEs, yearOf, type IsoDate } from "./dates";
import { isLinkedProsec, type ProgramType } from "./programs";

export interface HeldProgram {
  type: ProgramType;
  authorizedOn?: IsoDate | null;
  cancelledOn?: IsoDate | null;
}

export type ExclusionReason = "CANCELLED_BEFORE_APRIL" | "AUTHORIZED_IN_FILING_YEAR";

export interface Exclusion {
  type: ProgramType;
  reason: ExclusionReason;
  date: IsoDate;
}

/** Why `p` does not file (and so links nothing) for `filingYear`, or null when it is in force for that filing. */
export function exclusionFor(p: HeldProgram, filingYear: number): Exclusion | null {
  const opens = isoDate(filingYear, 4, 1);
  if (isIsoDate(p.authorizedOn) && yearOf(p.authorizedOn) >= filingYear) {
    return { type: p.type, reason: "AUTHORIZED_IN_FILING_YEAR", date: p.authorizedOn };
  }
  if (isIsoDate(p.cancelledOn) && p.cancelledOn < opens) return { type: p.type, reason: "CANCELLED_BEFORE_APRIL", date: p.cancelledOn };
  return null;
}

export interface Linking {
  /** Programs in force for the filing: what the date and capture rules use as "held". */
  inForce: ProgramType[];
  /** Programs held but not in force for the filing, with why. */
  excluded: Exclusion[];
}

export function linkingFor(programs: readonly HeldProgram[], filingYear: number): Linking {
  const inForce: ProgramType[] = [];
  const excluded: Exclusion[] = [];
  for (const p of programs) {
    const ex = exclusionFor(p, filingYear);
    if (ex) excluded.push(ex);
    else if (!inForce.includes(p.type)) inForce.push(p.type);
  }
  return { inForce, excluded };
}

/**
 * Why PROSEC files alone although the company holds a program it would link with: the first such program that is not
 * in force for the filing. Undefined when PROSEC does not file, or is linked, or holds nothing it could link with.
 */
export function prosecAloneBecause(linking: Linking): Exclusion | undefined {
  if (!linking.inForce.includes("PROSEC") || isLinkedProsec(linking.inForce)) return undefined;
  return linking.excluded.find((e) => e.type !== "PROSEC");
}

/** The note a PROSEC row gets when a program it would link with is not in force for the filing (R9 rev.). */
export function prosecAloneNote(ex: Exclusion, filingYear: number): { es: string; en: string } {
  if (ex.reason === "CANCELLED_BEFORE_APRIL") {
    return {
      es: `${ex.type} se canceló el ${longDateEs(ex.date)}, antes del 1 de abril de ${filingYear}: no presenta el RAOCE ${filingYear}, así que PROSEC lo presenta solo, con las fechas de PROSEC sin programas ligados (último día hábil de abril) y captura ventas, exportaciones, importaciones y la relación de bienes producidos.`,
      en: `${ex.type} was cancelled on ${longDateEn(ex.date)}, before 1 April ${filingYear}: it does not file the ${filingYear} RAOCE, so PROSEC files alone, with the dates of PROSEC without linked programs (last business day of April), and captures sales, exports, imports and the produced goods.`,
    };
  }
  return {
    es: `${ex.type} se autorizó el ${longDateEs(ex.date)}, durante el año de presentación ${filingYear}: no presenta el RAOCE ${filingYear} y no se replica nada a PROSEC. Se usa la fecha de PROSEC solo (último día hábil de abril), la más temprana y segura; la Guía RAOCE 2025 dice «que también cuenten con programa IMMEX», lo que podría permitir mayo. Confirme con la SE si quiere usar mayo.`,
    en: `${ex.type} was authorized on ${longDateEn(ex.date)}, during filing year ${filingYear}: it does not file the ${filingYear} RAOCE and nothing is replicated to PROSEC. The date of PROSEC alone (last business day of April) is used, the earlier and safe one; the 2025 guide's wording ("que también cuenten con programa IMMEX") might allow May. Confirm with the SE before relying on May.`,
  };
}
