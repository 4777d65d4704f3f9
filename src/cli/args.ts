/** Flag parsing shared by the commands (node:util parseArgs; unknown flags are usage errors). */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { isIsoDate, type IsoDate } from "../domain/dates";
import { parseProgramType, type ProgramType } from "../domain/programs";
import { isSupportedFilingYear, MAX_FILING_YEAR, MIN_FILING_YEAR } from "../domain/rule-table";
import { UsageError } from "./errors";

export type Options = NonNullable<ParseArgsConfig["options"]>;

export function parse(argv: string[], options: Options, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const flag = /'(-{1,2}[^']+)'/.exec(msg)?.[1];
    if (/Unknown option/.test(msg)) throw new UsageError(`opción desconocida ${flag ?? ""}; vea \`raoce --help\``);
    if (/argument missing|requires/.test(msg)) throw new UsageError(`a la opción ${flag ?? ""} le falta su valor`);
    if (/positional/.test(msg)) throw new UsageError(`argumento inesperado; vea \`raoce --help\``);
    throw new UsageError(msg);
  }
}

export function requireYear(value: string | undefined, flag = "--year"): number {
  if (value === undefined) throw new UsageError(`falta ${flag} (año de presentación, p. ej. ${flag} 2025)`);
  const year = Number(value);
  if (!isSupportedFilingYear(year)) {
    throw new UsageError(`${flag} ${value} no es un año de presentación válido (${MIN_FILING_YEAR}–${MAX_FILING_YEAR})`);
  }
  return year;
}

export function parseProgramList(value: string | undefined, flag = "--programs"): ProgramType[] {
  if (value === undefined || value.trim() === "") throw new UsageError(`falta ${flag} (p. ej. ${flag} IMMEX,PROSEC)`);
  const list = value.split(",").map((s) => s.trim()).filter(Boolean);
  const out: ProgramType[] = [];
  for (const name of list) {
    const p = parseProgramType(name);
    if (!p) throw new UsageError(`programa desconocido «${name}» en ${flag}; use IMMEX, PROSEC, ALTEX o ECEX`);
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

export function optionalDate(value: string | undefined, flag: string): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${flag} ${value} no es una fecha válida; use AAAA-MM-DD`);
  return value;
}

export function dateList(value: string | undefined, flag: string): IsoDate[] {
  if (value === undefined || value.trim() === "") return [];
  return value.split(",").map((s) => optionalDate(s.trim(), flag)!);
}
