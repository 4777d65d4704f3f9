/** The portfolio actions over the open workbook, loaded on first use (engine, ExcelJS and ical-generator stay out of the initial bundle). */
import type { PortfolioOperations } from "./portfolio-operations";

type Module = typeof import("./excel-portfolio-operations");

export function createPortfolioOperations(): PortfolioOperations {
  let loaded: Promise<PortfolioOperations> | null = null;
  // `as string`: see the note on lazy imports in App.tsx.
  const real = () => (loaded ??= (import("./excel-portfolio-operations" as string) as Promise<Module>).then((m) => m.excelPortfolioOperations()));
  return {
    newYear: async () => (await real()).newYear(),
    insertCartera: async () => (await real()).insertCartera(),
    calendar: async (days) => (await real()).calendar(days),
  };
}
