/** `raoce template [--out plantilla-raoce.xlsx] [--force]`: writes the empty RAOCE workbook template. */
import { existsSync } from "node:fs";
import { saveWorkbookFile } from "../../workbook/xlsx-file";
import { TEMPLATE_VERSION } from "../../workbook/layout";
import { buildTemplate } from "../../workbook/template";
import { buildCarteraWorkbook } from "../../workbook/cartera-sheet";
import { parse } from "../args";
import { UsageError } from "../errors";
import type { CommandResult } from "./types";

export async function templateCommand(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parse(argv, { out: { type: "string" }, force: { type: "boolean" }, cartera: { type: "boolean" } }, true);
  if (positionals.length) throw new UsageError("argumento inesperado; use --out archivo.xlsx");
  const out = (values.out as string | undefined) ?? (values.cartera ? "cartera-raoce.xlsx" : "plantilla-raoce.xlsx");
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`--out ${out}: el archivo debe terminar en .xlsx`);
  if (existsSync(out) && !values.force) throw new UsageError(`ya existe ${out}; use --force para reemplazarlo u otro nombre con --out`);
  try {
    await saveWorkbookFile(values.cartera ? buildCarteraWorkbook() : buildTemplate(), out); // --cartera: the portfolio sheet
  } catch (e) {
    throw new UsageError(`no se pudo escribir ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (values.cartera) return { stdout: `Hoja Cartera (funciones RAOCE.*) escrita en ${out}; ábrala con el complemento RAOCE cargado`, exitCode: 0 };
  return { stdout: `Plantilla RAOCE ${TEMPLATE_VERSION} escrita en ${out}`, exitCode: 0 };
}
