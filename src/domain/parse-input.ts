/**
 * Section-by-section, field-by-field parsing of an untrusted report document with the zod schemas of `schema.ts`.
 * A bad field becomes a located issue and is dropped; the rest of the document is still usable. Never throws.
 */
import { z } from "zod";
import { labelOf } from "./field-labels";
import { issue, type Issue } from "./issues";
import {
  CompanySchema,
  FiguresSchema,
  GoodSchema,
  ProgramInputSchema,
  REFINE,
  ReportInputSchema,
  SettingsSchema,
  type CompanyInput,
  type FiguresInput,
  type GoodInput,
  type ProgramInput,
} from "./schema";
import { DEFAULT_SETTINGS, type RuleSettings } from "./settings";
import type { IsoDate } from "./dates";

type Shape = Record<string, z.ZodType>;
type Partialish<T> = { [K in keyof T]?: T[K] };

const REFINE_TEXT: Record<string, { es: string; en: string }> = {
  [REFINE.isoDate]: {
    es: "no es una fecha válida; capture una fecha real (AAAA-MM-DD o formato de fecha de Excel)",
    en: "is not a valid date; enter a real date (YYYY-MM-DD or an Excel date)",
  },
  [REFINE.nonNegative]: { es: "no puede ser negativo", en: "cannot be negative" },
  [REFINE.finite]: { es: "debe ser un número finito", en: "must be a finite number" },
  [REFINE.integerYear]: { es: "debe ser un año de cuatro dígitos", en: "must be a four-digit year" },
  [REFINE.positive]: { es: "debe ser mayor que cero", en: "must be greater than zero" },
};

const TYPE_TEXT: Record<string, { es: string; en: string }> = {
  number: { es: "debe ser un número (sin texto ni símbolos)", en: "must be a number (no text or symbols)" },
  string: { es: "debe ser texto", en: "must be text" },
  boolean: { es: "debe ser Sí o No", en: "must be Yes or No" },
  array: { es: "debe ser una lista", en: "must be a list" },
  object: { es: "debe ser un objeto con sus campos", en: "must be an object with its fields" },
};

function describe(iss: z.core.$ZodIssue): { es: string; en: string } {
  if (iss.code === "custom" && REFINE_TEXT[iss.message]) return REFINE_TEXT[iss.message]!;
  if (iss.code === "invalid_type") {
    return TYPE_TEXT[iss.expected] ?? { es: `tiene un tipo inválido (se esperaba ${iss.expected})`, en: `has an invalid type (expected ${iss.expected})` };
  }
  if (iss.code === "invalid_value") {
    const options = iss.values.map(String).join(", ");
    return { es: `valor no reconocido; use uno de: ${options}`, en: `unknown value; use one of: ${options}` };
  }
  if (iss.code === "too_small" || iss.code === "too_big") {
    return { es: "está fuera del rango permitido", en: "is out of the allowed range" };
  }
  return { es: "tiene un valor inválido", en: "has an invalid value" };
}

/** Plural labels need plural agreement ("Exportaciones directas no pueden ser negativas"). */
const PLURAL_FEMININE = /^(figures\.(directExports|indirectExports|totalSales|totalExports|totalImports))$/;
const PLURAL_MASCULINE = /^figures\.taxReturnIncome$/;

function agree(text: { es: string; en: string }, iss: z.core.$ZodIssue, path: string): { es: string; en: string } {
  if (!(iss.code === "custom" && iss.message === REFINE.nonNegative)) return text;
  if (PLURAL_FEMININE.test(path)) return { es: "no pueden ser negativas", en: text.en };
  if (PLURAL_MASCULINE.test(path)) return { es: "no pueden ser negativos", en: text.en };
  return text;
}

const isMissing = (v: unknown): boolean => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

function fieldIssue(path: string, iss: z.core.$ZodIssue, value: unknown): Issue {
  const label = labelOf(path);
  const subPath = iss.path.length ? `${path}${iss.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}` : path;
  if (isMissing(value) && iss.code === "invalid_type") {
    return issue("error", "REQUIRED", subPath, `${label.es}: es obligatorio; capture el dato.`, `${label.en}: required; enter a value.`);
  }
  const text = agree(describe(iss), iss, path);
  const shown = typeof value === "string" || typeof value === "number" ? ` (valor: «${String(value).slice(0, 40)}»)` : "";
  const shownEn = shown.replace("valor", "value");
  return issue("error", "INVALID_VALUE", subPath, `${label.es} ${text.es}${shown}.`, `${label.en} ${text.en}${shownEn}.`);
}

/** Parses each field of an object on its own. Missing required fields are reported only if `required` lists them. */
export function parseFields<T>(
  shape: Shape,
  value: unknown,
  path: string,
  issues: Issue[],
): Partialish<T> {
  const out: Record<string, unknown> = {};
  const obj = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  for (const [key, schema] of Object.entries(shape)) {
    const raw = obj[key];
    const r = schema.safeParse(raw);
    if (r.success) {
      if (r.data !== undefined) out[key] = r.data;
    } else {
      const first = r.error.issues[0];
      if (first) issues.push(fieldIssue(path ? `${path}.${key}` : key, first, raw));
    }
  }
  return out as Partialish<T>;
}

function notAnObject(path: string, value: unknown, issues: Issue[], what: "object" | "array"): boolean {
  const ok = what === "array" ? Array.isArray(value) : value !== null && typeof value === "object" && !Array.isArray(value);
  if (!ok && !isMissing(value)) {
    const label = labelOf(path);
    const t = TYPE_TEXT[what]!;
    issues.push(issue("error", "INVALID_SECTION", path, `${label.es} ${t.es}.`, `${label.en} ${t.en}.`));
  }
  return !ok;
}

export interface ParsedRow<T> {
  index: number;
  value: Partialish<T>;
}

export interface ParsedInput {
  company: Partialish<CompanyInput>;
  filingYear: number | null;
  asOf: IsoDate | null;
  exchangeRate: number | null;
  extraNonBusinessDays: IsoDate[];
  programs: ParsedRow<ProgramInput>[];
  figures: Partialish<FiguresInput>;
  goods: ParsedRow<GoodInput>[];
  goodsGiven: boolean;
  settings: RuleSettings;
  issues: Issue[];
}

function parseRows<T>(shape: Shape, value: unknown, path: string, issues: Issue[]): ParsedRow<T>[] {
  if (notAnObject(path, value, issues, "array")) return [];
  const whole = z.object(shape);
  // Fast path: a clean table parses in one call (as cheap as the plain schema); otherwise row by row, and only a bad
  // row is re-parsed field by field to locate its problems.
  const all = z.array(whole).safeParse(value);
  if (all.success) return all.data.map((row, index) => ({ index, value: row as Partialish<T> }));
  // Array.from, not map: a sparse array (not JSON, but a JS caller can pass one) gives a hole as `undefined`, not a hole.
  return Array.from(value as unknown[], (row, index) => {
    const r = whole.safeParse(row);
    if (r.success) return { index, value: r.data as Partialish<T> };
    notAnObject(`${path}[${index}]`, row, issues, "object");
    return { index, value: parseFields<T>(shape, row, `${path}[${index}]`, issues) };
  });
}

export function parseInput(doc: unknown): ParsedInput {
  const issues: Issue[] = [];
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
    issues.push(
      issue(
        "error",
        "INPUT_NOT_OBJECT",
        "",
        "El documento del reporte no es un objeto JSON con las secciones company, filingYear, programs, figures y goods.",
        "The report document is not a JSON object with the sections company, filingYear, programs, figures and goods.",
      ),
    );
    doc = {};
  }
  const d = doc as Record<string, unknown>;

  notAnObject("company", d.company, issues, "object");
  const company = parseFields<CompanyInput>(CompanySchema.shape, d.company, "company", issues);
  const { filingYear, asOf, exchangeRate, extraNonBusinessDays } = ReportInputSchema.shape;
  const top = parseFields<{ filingYear: number; asOf: string; exchangeRate: number; extraNonBusinessDays: string[] }>(
    { filingYear, asOf, exchangeRate, extraNonBusinessDays },
    d,
    "",
    issues,
  );

  notAnObject("figures", d.figures, issues, "object");
  const figures = parseFields<FiguresInput>(FiguresSchema.shape, d.figures, "figures", issues);
  const programs = parseRows<ProgramInput>(ProgramInputSchema.shape, d.programs ?? [], "programs", issues);
  const goodsGiven = Array.isArray(d.goods) && d.goods.length > 0;
  const goods = parseRows<GoodInput>(GoodSchema.shape, d.goods ?? [], "goods", issues);

  const settingsIn = parseFields<Record<string, number | null>>(SettingsSchema.shape, d.settings ?? {}, "settings", issues);
  const settings: RuleSettings = { ...DEFAULT_SETTINGS };
  for (const [k, v] of Object.entries(settingsIn)) if (v !== undefined) (settings as unknown as Record<string, unknown>)[k] = v;

  return {
    company,
    filingYear: top.filingYear ?? null,
    asOf: top.asOf ?? null,
    exchangeRate: top.exchangeRate ?? null,
    extraNonBusinessDays: top.extraNonBusinessDays ?? [],
    programs,
    figures,
    goods,
    goodsGiven,
    settings,
    issues,
  };
}

