/** Number formats for messages (es-MX, like the rest of the product). */
export const fmtMiles = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? "—" : n.toLocaleString("es-MX", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const fmtPct = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? "—" : `${(n * 100).toLocaleString("es-MX", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

export const fmtPesos = (n: number): string => n.toLocaleString("es-MX", { maximumFractionDigits: 0 });
