/**
 * R18 (new 2026-11): the filing year is the most common confusion ("RAOCE 2026" reports 2025). When the input looks
 * like the fiscal year was typed as the filing year, say so next to the filing-year field, before the statuses.
 */
import { addDays, longDateEn, longDateEs, yearOf, type IsoDate } from "./dates";
import { issue, type Issue } from "./issues";

export interface FilingYearClues {
  filingYear: number;
  asOf: IsoDate;
  /** Filing dates typed for the programs. */
  filedOn: readonly IsoDate[];
  /** Due dates of the programs for `filingYear`. */
  dues: readonly IsoDate[];
}

export function filingYearConfusion(c: FilingYearClues): Issue | null {
  const next = c.filingYear + 1;
  const filedNext = c.filedOn.find((d) => yearOf(d) === next);
  const latestDue = c.dues.reduce<IsoDate | null>((m, d) => (m === null || d > m ? d : m), null);
  const farAfter = latestDue !== null && c.asOf > addDays(latestDue, 365);
  if (!filedNext && !farAfter) return null;
  const why = filedNext
    ? { es: `la fecha de presentación (${longDateEs(filedNext)}) es de ${next}`, en: `the filing date (${longDateEn(filedNext)}) is in ${next}` }
    : { es: `la fecha de corte (${longDateEs(c.asOf)}) es más de un año posterior al vencimiento (${longDateEs(latestDue!)})`, en: `the as-of date (${longDateEn(c.asOf)}) is over a year after the due date (${longDateEn(latestDue!)})` };
  return issue(
    "warning",
    "FILING_YEAR_LIKELY_FISCAL",
    "filingYear",
    `Año de presentación ${c.filingYear}: probablemente capturó el ejercicio reportado como año de presentación, porque ${why.es}. El RAOCE ${next} se presenta en ${next} y reporta las operaciones de ${c.filingYear}; si ese es su caso, capture ${next} como año de presentación. Los estados de abajo se calcularon con ${c.filingYear}.`,
    `Filing year ${c.filingYear}: the fiscal year was probably typed as the filing year, because ${why.en}. The ${next} RAOCE is filed in ${next} and reports ${c.filingYear}; if that is your case, enter ${next} as the filing year. The statuses below were computed with ${c.filingYear}.`,
    "R18",
  );
}
