/** Field values as the Data Stage writes them: text always, numbers with "." and no separators, several date forms. */
import { isIsoDate, type IsoDate } from "../domain/dates";

/** "2026-01-05 17:48:15", "2026-01-05", "20260105", "05/01/2026" → "2026-01-05"; else null. */
export function parseDsDate(raw: string | undefined): IsoDate | null {
  const t = (raw ?? "").trim();
  if (!t) return null;
  let iso: string | null = null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(t);
  if (m) iso = `${m[1]}-${m[2]}-${m[3]}`;
  else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) iso = `${m[1]}-${m[2]}-${m[3]}`;
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t))) iso = `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  return iso && isIsoDate(iso) ? iso : null;
}

/** "35553", "1976.88", " 0 " → number; "" → null; anything else → NaN (the caller reports it). */
export function parseDsNumber(raw: string | undefined): number | null {
  const t = (raw ?? "").trim();
  if (t === "") return null;
  if (!/^[-+]?\d+(?:\.\d*)?$|^[-+]?\.\d+$/.test(t)) return NaN;
  return Number(t);
}
