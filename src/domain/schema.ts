/**
 * The report input document (what `raoce evaluate` reads and what the workbook adapters produce), as zod schemas.
 * Money figures are in miles de pesos (R20), except `taxReturnIncome`, in pesos (R26).
 *
 * `ReportInputSchema` is the strict contract. `evaluate` does not parse the whole document in one go: it parses each
 * section and each row on its own (see `parse-input.ts`) so one bad cell never hides the rest of the report.
 */
import { z } from "zod";
import { isIsoDate } from "./dates";
import { PROGRAM_TYPES, EXPORTER_TYPES, parseExporterType } from "./programs";

/** Codes of our own refinements; `messages.ts` turns them into Spanish/English text. */
export const REFINE = {
  isoDate: "ISO_DATE",
  nonNegative: "NON_NEGATIVE",
  finite: "FINITE",
  integerYear: "INTEGER_YEAR",
  positive: "POSITIVE",
} as const;

const upper = (v: unknown): unknown => (typeof v === "string" ? v.trim().toUpperCase() : v);
/** Empty strings and null mean "not given" for optional fields (a blank cell). */
const blankToUndefined = (v: unknown): unknown => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

export const IsoDateSchema = z.string().refine(isIsoDate, { message: REFINE.isoDate });
const optionalDate = z.preprocess(blankToUndefined, IsoDateSchema.optional());
const finite = z.number().refine(Number.isFinite, { message: REFINE.finite });
const amount = finite.refine((n) => n >= 0, { message: REFINE.nonNegative });
const optionalAmount = z.preprocess(blankToUndefined, amount.optional());

export const CompanySchema = z.object({
  rfc: z.string(),
  name: z.string(),
  consignment: z.preprocess(blankToUndefined, z.boolean().optional()),
});

export const ProgramInputSchema = z.object({
  type: z.preprocess(upper, z.enum(PROGRAM_TYPES)),
  number: z.preprocess(blankToUndefined, z.union([z.string(), z.number()]).optional()),
  modality: z.preprocess(blankToUndefined, z.string().optional()),
  authorizedOn: optionalDate,
  cancelledOn: optionalDate,
  filedOn: optionalDate,
  folio: z.preprocess(blankToUndefined, z.union([z.string(), z.number()]).optional()),
  /** PROSEC authorized sectors: Roman numerals or numbers (R35). */
  sectors: z.preprocess(blankToUndefined, z.array(z.union([z.string(), z.number()])).optional()),
  /** R43 rev.: VUCEM's words ("Exportador indirecto") are accepted, case- and accent-insensitive. */
  exporterType: z.preprocess((v) => blankToUndefined(parseExporterType(v) ?? upper(v)), z.enum(EXPORTER_TYPES).optional()),
  /** R4 rev. 2026-11: the cause of a cancellation (free text), shown with its date. */
  cancellationCause: z.preprocess(blankToUndefined, z.string().optional()),
  /** R14: dates the user overrides in the workbook (e.g. an SE acuerdo that moved a deadline). */
  overrides: z
    .object({ due: optionalDate, lateUntil: optionalDate, cancelledOn: optionalDate })
    .optional(),
});

/** R21a: a, b, c may arrive negative; the domain reports that with VUCEM's own wording (vucem-figures.ts). */
const optionalFinite = z.preprocess(blankToUndefined, finite.optional());

export const FiguresSchema = z.object({
  totalSales: finite,
  totalExports: finite,
  totalImports: optionalFinite,
  directExports: optionalAmount,
  indirectExports: optionalAmount,
  taxReturnIncome: optionalAmount,
});

export const GoodSchema = z.object({
  sector: z.union([z.string(), z.number()]),
  tariffCode: z.union([z.string(), z.number()]),
  description: z.string(),
  unit: z.union([z.string(), z.number()]),
  totalVolume: amount,
  domesticVolume: optionalAmount,
  exportVolume: optionalAmount,
});

export const SettingsSchema = z.object({
  linkedProsecMayFromYear: z.preprocess(blankToUndefined, z.number().int().optional()),
  altexIndirectFactor: z.preprocess(blankToUndefined, finite.refine((n) => n >= 0 && n <= 1).optional()),
  ecexMinExportsUsd: z.preprocess(blankToUndefined, amount.nullable().optional()),
  ecexMinExportShare: z.preprocess(blankToUndefined, amount.nullable().optional()),
  /** R12 rev. 2026-11: false removes the SE's declared periods the product knows from the calendar. */
  seDeclaredPeriods: z.preprocess(blankToUndefined, z.boolean().optional()),
});

export const ReportInputSchema = z.object({
  company: CompanySchema,
  filingYear: z.number().int({ message: REFINE.integerYear }),
  asOf: optionalDate,
  exchangeRate: z.preprocess(blankToUndefined, finite.refine((n) => n > 0, { message: REFINE.positive }).optional()),
  extraNonBusinessDays: z.preprocess(blankToUndefined, z.array(IsoDateSchema).optional()),
  programs: z.array(ProgramInputSchema),
  figures: FiguresSchema,
  goods: z.preprocess(blankToUndefined, z.array(GoodSchema).optional()),
  settings: SettingsSchema.optional(),
});

export type CompanyInput = z.infer<typeof CompanySchema>;
export type ProgramInput = z.infer<typeof ProgramInputSchema>;
export type FiguresInput = z.infer<typeof FiguresSchema>;
export type GoodInput = z.infer<typeof GoodSchema>;
export type SettingsInput = z.infer<typeof SettingsSchema>;
export type ReportInput = z.infer<typeof ReportInputSchema>;
