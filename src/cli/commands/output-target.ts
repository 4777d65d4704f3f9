/** `--out X | --in-place` for commands that write a workbook (same rules as `raoce fill`). */
import { resolve } from "node:path";
import { UsageError } from "../errors";
import { defaultOut } from "./fill";

export function workbookTarget(input: string, outOpt: string | undefined, inPlace: boolean): string {
  if (inPlace && outOpt && resolve(outOpt) !== resolve(input)) throw new UsageError("use --out o --in-place, no ambos");
  const out = inPlace ? input : outOpt ?? defaultOut(input);
  if (!inPlace && resolve(out) === resolve(input)) throw new UsageError(`--out ${out} es el mismo archivo de entrada; para sobrescribirlo use --in-place`);
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`${out}: la salida debe terminar en .xlsx`);
  return out;
}
