/** `--out X | --in-place` for commands that write a workbook (same rules as `raoce fill`). */
import { basename, dirname, extname, join, resolve } from "node:path";
import { UsageError } from "../errors";

/** `libro.xlsx` → `libro-raoce.xlsx`, next to the input. */
export function defaultOut(input: string): string {
  const ext = extname(input) || ".xlsx";
  return join(dirname(input), `${basename(input, ext)}-raoce${ext}`);
}

export function workbookTarget(input: string, outOpt: string | undefined, inPlace: boolean): string {
  if (inPlace && outOpt && resolve(outOpt) !== resolve(input)) throw new UsageError("use --out o --in-place, no ambos");
  const out = inPlace ? input : outOpt ?? defaultOut(input);
  if (!inPlace && resolve(out) === resolve(input)) throw new UsageError(`--out ${out} es el mismo archivo de entrada; para sobrescribirlo use --in-place`);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`${out}: la salida debe terminar en .xlsx`);
  return out;
}
