/** The user's materiality (R56): a percentage of the figure (default 1 %) or an amount in miles de pesos. */
import type { Materiality } from "./types";

/** "1%", "0,5 %", "2.5%" → percent; "250", "250 miles" → miles; anything else → null. */
export function parseMateriality(text: string): Materiality | null {
  const t = text.trim().toLowerCase().replace(",", ".").replace(/\s+/g, "");
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (pct) {
    const v = Number(pct[1]) / 100;
    return v > 0 && v < 1 ? { kind: "percent", value: v } : null;
  }
  const m = /^(\d+(?:\.\d+)?)(?:miles)?$/.exec(t);
  if (m) {
    const v = Number(m[1]);
    return v > 0 ? { kind: "miles", value: v } : null;
  }
  return null;
}
