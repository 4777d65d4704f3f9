/** Flag parsing shared by the commands (node:util parseArgs; unknown flags are usage errors). */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { longDateEs, parseDayFirstDate, type IsoDate } from "../domain/dates";
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

const DATE_FORMS = "escríbala como 30/05/2026 (DD/MM/AAAA) o 2026-05-30";

/**
 * One date parser for every option (`parseDayFirstDate`, shared with the pane): ISO `2026-05-30` or the way an
 * accountant writes it, `30/05/2026` (also 30-05-2026, 30.05.2026 and 1/6/2026); anything else is refused with both forms.
 */
export function optionalDate(value: string | undefined, flag: string): IsoDate | undefined {
  if (value === undefined) return undefined;
  const iso = parseDayFirstDate(value);
  if (!iso) throw new UsageError(`${flag} ${value} no es una fecha válida; ${DATE_FORMS}`);
  return iso;
}

export function dateList(value: string | undefined, flag: string): IsoDate[] {
  if (value === undefined || value.trim() === "") return [];
  return value.split(",").map((s) => optionalDate(s.trim(), flag)!);
}

/** `--prosec-mayo-desde AAAA`: R9's switch year (PROSEC linked is due in May from that filing year). */
export function optionalSwitchYear(value: string | undefined, flag = "--prosec-mayo-desde"): number | undefined {
  if (value === undefined) return undefined;
  const y = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || y < 2000 || y > 2100) throw new UsageError(`${flag} ${value} no es un año válido (p. ej. ${flag} 2024)`);
  return y;
}

/** The options shared by `deadlines` and `status`: the R9 switch year and the R14 date overrides. */
export const RULE_OPTIONS = {
  "prosec-mayo-desde": { type: "string" },
  due: { type: "string" },
  "late-until": { type: "string" },
  "cancel-on": { type: "string" },
} as const satisfies Options;

export function ruleOptions(values: Record<string, unknown>) {
  const overrides: { due?: IsoDate; lateUntil?: IsoDate; cancelledOn?: IsoDate } = {};
  const due = optionalDate(values.due as string | undefined, "--due");
  const lateUntil = optionalDate(values["late-until"] as string | undefined, "--late-until");
  const cancelledOn = optionalDate(values["cancel-on"] as string | undefined, "--cancel-on");
  if (due) overrides.due = due;
  if (lateUntil) overrides.lateUntil = lateUntil;
  if (cancelledOn) overrides.cancelledOn = cancelledOn;
  const year = optionalSwitchYear(values["prosec-mayo-desde"] as string | undefined);
  return { overrides, settings: year === undefined ? {} : { linkedProsecMayFromYear: year } };
}

/** `--authorized` and `--cancelled` take several values (repeated and/or comma-separated). */
export const PROGRAM_DATE_OPTIONS = {
  authorized: { type: "string", multiple: true },
  cancelled: { type: "string", multiple: true },
} as const satisfies Options;

/**
 * R3/R4/R9 rev. 2026-11: the dates of `--authorized` / `--cancelled`, one per program. Each value is a bare date (the
 * `own` program's, i.e. `--program`) or `PROGRAMA=FECHA`; several go comma-separated and/or with the flag repeated:
 * `--cancelled IMMEX=15/10/2025`, `--authorized IMMEX=01/02/2026,ALTEX=2026-03-01`. Every program named must be among
 * `programs` (a date for a program the company does not hold is a slip, not something to ignore).
 */
export function programDates(
  values: string | readonly string[] | undefined,
  flag: string,
  programs: readonly ProgramType[],
  own?: ProgramType | null,
): Partial<Record<ProgramType, IsoDate>> {
  const out: Partial<Record<ProgramType, IsoDate>> = {};
  const items = (values === undefined ? [] : typeof values === "string" ? [values] : values)
    .flatMap((v) => v.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    const eq = item.indexOf("=");
    let program: ProgramType;
    let dateText: string;
    if (eq < 0) {
      dateText = item;
      if (parseDayFirstDate(dateText) === null) {
        throw new UsageError(`${flag} ${item} no es una fecha válida; ${DATE_FORMS}, o indique el programa: ${flag} IMMEX=15/10/2025`);
      }
      if (!own) throw new UsageError(`${flag} ${item}: indique de qué programa es la fecha, p. ej. ${flag} ${programs[0] ?? "IMMEX"}=${item} (o use --program)`);
      program = own;
    } else {
      const name = item.slice(0, eq).trim();
      dateText = item.slice(eq + 1).trim();
      const p = parseProgramType(name);
      if (!p) throw new UsageError(`${flag} ${item}: programa desconocido «${name}»; use IMMEX, PROSEC, ALTEX o ECEX`);
      if (!programs.includes(p)) {
        throw new UsageError(`${flag} ${item}: ${p} no está entre los programas de la empresa (--programs ${programs.join(",")}); agréguelo a --programs o quite esa fecha`);
      }
      if (dateText === "") throw new UsageError(`${flag} ${item}: falta la fecha, p. ej. ${flag} ${p}=15/10/2025`);
      program = p;
    }
    const iso = parseDayFirstDate(dateText);
    if (!iso) throw new UsageError(`${flag} ${item}: «${dateText}» no es una fecha válida; ${DATE_FORMS}`);
    const prev = out[program];
    if (prev !== undefined && prev !== iso) throw new UsageError(`${flag}: dos fechas distintas para ${program} (${longDateEs(prev)} y ${longDateEs(iso)}); indique una sola`);
    out[program] = iso;
  }
  return out;
}
