/**
 * The Captura VUCEM list: what to type (or check) on each VUCEM screen, in the order of the SE's 2025 guide —
 * Ingreso › Solicitante › Programas presentados por reporte anual › Datos de reporte anual (balanza comercial and, for
 * PROSEC alone, one «Agregar» per produced good) › Firmar solicitud. Pure.
 *
 * Figures are shown as VUCEM takes them (R21a): whole miles de pesos, digits only, rounded half up, with a note when
 * rounding changed the figure. A figure with an error is never listed as a value to capture: the error is shown there.
 */
import { PROSEC_SECTORS } from "../domain/catalogs";
import { longDateEs } from "../domain/dates";
import type { ProgramResult } from "../domain/evaluate";
import type { UsableAnalysis } from "./analyze";
import type { PlanValue } from "./port";
import type { LocatedIssue } from "./read-input";
import { plural } from "./write-plan";

/** Up to this many goods, Captura VUCEM lists each field of each good on its own row; beyond, one row per good. */
export const CAPTURE_GOODS_DETAILED = 100;

export const CAPTURE_ES: Record<string, string> = {
  totalSales: "Ventas totales (a)",
  totalExports: "Total exportaciones (b)",
  totalImports: "Total importaciones (c)",
  goods: "Relación de bienes producidos",
};

/** R21a: VUCEM's fields take at most 16 digits. */
export const VUCEM_MAX_DIGITS = 16;
/** VUCEM's «Bienes producidos» field takes at most 250 characters. */
export const VUCEM_MAX_DESCRIPTION = 250;


/** Round half up to a whole number (R21a), or null for anything that is not a finite number. */
export function wholeMiles(v: unknown): number | null {
  if (typeof v !== "number" || !Number.isFinite(v)) return null;
  return v >= 0 ? Math.floor(v + 0.5) : -Math.floor(-v + 0.5);
}

/** R42: the RFC as VUCEM shows it — uppercase, without spaces, dashes or dots. */
export const normalizeRfc = (rfc: string | null | undefined): string | null =>
  rfc ? rfc.toUpperCase().replace(/[\s\-.]/g, "") : null;

/** "01-2025 a 12-2025": the period VUCEM shows (read-only) for a fiscal year. */
export const vucemPeriod = (fiscalYear: number): string => `01-${fiscalYear} a 12-${fiscalYear}`;

const grouped = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 6 });

type FigureKey = "totalSales" | "totalExports" | "totalImports";
type Row = [string, PlanValue, string?];

/** The figures B1's engine may expose already rounded as VUCEM takes them (`figures.vucem`); optional. */
interface EngineVucemFigures {
  totalSales?: number | null;
  totalExports?: number | null;
  totalImports?: number | null;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Issues of one input path (and its sub-paths), by severity. */
function issuesAt(issues: readonly LocatedIssue[], path: string, severity: LocatedIssue["severity"]): LocatedIssue[] {
  return issues.filter((i) => i.severity === severity && (i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`)));
}

const errorNote = (errs: readonly LocatedIssue[]): string =>
  `No la capture todavía: ${errs.map((e) => `${e.message}${e.location ? ` (${e.location})` : ""}`).join(" ")} Corríjala y vuelva a revisar.`;

const SCREEN = {
  login: "Ingreso a VUCEM",
  applicant: "Solicitante",
  programs: "Programas presentados por reporte anual",
  data: "Datos de reporte anual: balanza comercial",
  goods: "Datos de reporte anual: bienes producidos",
  sign: "Paso 2: Firmar solicitud",
} as const;

export function captureRows(a: UsableAnalysis): PlanValue[][] {
  const r = a.result;
  const doc = a.input as { figures?: Record<string, unknown>; goods?: Record<string, unknown>[]; company?: Record<string, unknown> };
  const figures = doc.figures ?? {};
  const engine = (r.figures as { vucem?: EngineVucemFigures }).vucem;
  const rows: PlanValue[][] = [];
  let step = 0;
  const screen = (program: string, name: string, fields: Row[]) => {
    step += 1;
    for (const [field, value, note] of fields) rows.push([step, program, name, field, value, note ?? null]);
  };
  const info = (program: string | null, name: string, field: string, value: PlanValue, note: string | null) => rows.push([null, program, name, field, value, note]);

  // R18: whatever the engine says about the filing year (e.g. the fiscal year typed as the filing year) comes first.
  const yearIssues = [...issuesAt(a.issues, "filingYear", "error"), ...issuesAt(a.issues, "filingYear", "warning")];
  const yearNote = yearIssues.length ? ` Revise antes: ${yearIssues.map((i) => i.message).join(" ")}` : "";
  if (r.fiscalYear !== null) {
    info(null, "Periodo", `Cifras del ejercicio ${r.fiscalYear} (RAOCE ${r.filingYear})`, vucemPeriod(r.fiscalYear), `Todas las cifras de esta hoja son del ejercicio reportado, en miles de pesos.${yearNote}`);
  } else if (yearIssues.length) {
    info(null, "Periodo", "Año de presentación", "Revíselo", yearNote.trim());
  }
  if (a.summary.errors > 0) {
    info(null, "Antes de capturar", `Hay ${plural(a.summary.errors, "error", "errores")}`, null, "Corríjalos (hoja Problemas) antes de capturar: VUCEM no permite editar un reporte firmado; corregirlo después exige un escrito a la SE.");
  }
  if (r.programs.length === 0) {
    info(null, "—", "Sin programas válidos", null, "Capture sus programas y el año de presentación (hojas Programas y Empresa).");
    return rows;
  }
  for (const p of r.programs.filter((x) => !x.obliged)) {
    info(p.type, "—", `${p.type} ${p.number ?? ""}`.trim(), "No se captura", `${p.statusLabel ?? "No obligado"}: ${p.commitmentReason}`);
  }
  const obliged = r.programs.filter((p) => p.obliged);
  if (obliged.length === 0) return rows;

  // ─── Ingreso and Solicitante (once) ───
  const rfcErrors = issuesAt(a.issues, "company.rfc", "error");
  const rfc = normalizeRfc(r.company.rfc);
  const rawRfc = typeof doc.company?.rfc === "string" ? doc.company.rfc : null;
  const person = rfc?.length === 13 ? "Persona Física" : "Persona Moral";
  screen("Todos", SCREEN.login, [
    ["Ingresar (Con FIEL)", "e.firma vigente", "www.ventanillaunica.gob.mx › Ingreso: certificado .cer, clave privada .key y contraseña de la e.firma de la empresa o del representante legal."],
    ["Selección de rol", person, rfc && rfc.length === 13 ? "RFC de 13 caracteres: persona física." : "RFC de 12 caracteres: persona moral."],
    ["Trámite", "Reporte Anual de Programa de la SE", `Trámites › Solicitudes nuevas › SE › Reporte Anual de Operaciones de Comercio Exterior. Se presenta en ${r.filingYear ?? "?"} por el ejercicio ${r.fiscalYear ?? "?"}.`],
  ]);
  screen("Todos", SCREEN.applicant, [
    rfcErrors.length
      ? ["RFC (lo muestra VUCEM; verifíquelo)", "Error en el RFC", errorNote(rfcErrors)]
      : ["RFC (lo muestra VUCEM; verifíquelo)", rfc, rawRfc && rfc && rawRfc !== rfc ? `El libro dice «${rawRfc}»; VUCEM lo muestra como ${rfc}.` : "Debe ser el de la empresa titular del programa."],
    ["Denominación o razón social (verifíquela)", r.company.name, "Si no coincide, ingresó con otra e.firma o la razón social cambió: un cambio se avisa a la SE en 10 días hábiles."],
    ["Domicilio fiscal del solicitante (verifíquelo)", "Lo muestra VUCEM", "Compárelo con su constancia de situación fiscal; si cambió, dé aviso a la SE."],
    ["Domicilio de planta", "Debe estar validado", "VUCEM valida el domicilio fiscal y el de planta: si no valida el de planta, NO permite presentar. Pida al SAT que lo valide como «localizado» y el tipo de domicilio (local comercial, industria/fábrica/taller, bodega, terreno agropecuario) y después dé de baja y de alta el domicilio ante la SE."],
    ["Continuar", "Pulse Continuar"],
  ]);

  // ─── Programas presentados por reporte anual ───
  const immex = obliged.find((p) => p.type === "IMMEX");
  const replicated = obliged.filter((p) => p.type === "PROSEC" && immex !== undefined);
  const filings = obliged.filter((p) => !replicated.includes(p));
  const goodsCount = doc.goods?.length ?? 0;
  for (const p of replicated) {
    info(
      "PROSEC",
      SCREEN.programs,
      `PROSEC ${p.number ?? ""}`.trim(),
      "Se replica del reporte IMMEX",
      `VUCEM muestra IMMEX y PROSEC en una sola fila («IMMEX-PROSEC»): el reporte IMMEX se replica a PROSEC, no se captura por separado. Con IMMEX, VUCEM solo pide ventas y exportaciones: la relación de bienes producidos no se captura${goodsCount ? ` (la hoja Bienes tiene ${plural(goodsCount, "bien que no se usa", "bienes que no se usan")})` : ""}.`,
    );
  }

  for (const p of filings) {
    const label = `${p.type} ${p.number ?? ""}`.trim();
    const joint = p === immex && replicated.length > 0;
    const numbers = joint ? [p.number, ...replicated.map((x) => x.number)].filter(Boolean).join(",") : p.number;
    const d = p.deadlines;
    screen(joint ? "IMMEX-PROSEC" : p.type, SCREEN.programs, [
      ["Periodo que cubre reporte anual (lo muestra VUCEM)", r.fiscalYear === null ? null : vucemPeriod(r.fiscalYear), "Inicio y Fin de solo lectura: verifique que sea el ejercicio reportado."],
      ["Número/Registro de programa (seleccione la fila)", numbers, d ? `Vence el ${longDateEs(d.due)}${d.lateUntil ? `; presentación extemporánea hasta el ${longDateEs(d.lateUntil)}` : ""}.` : undefined],
      ["Tipo programa", joint ? "IMMEX-PROSEC" : p.type, "Si VUCEM no muestra el programa, escriba a atencion.immex@economia.gob.mx o atencion.prosec@economia.gob.mx."],
      ["Estatus", "Vigente - Activo", "Verifíquelo antes de continuar."],
    ]);
    screen(joint ? "IMMEX-PROSEC" : p.type, SCREEN.data, figureRows(p, a, figures, engine));
    if (p.capture.includes("goods")) goodsScreens(p, a, doc, screen, info);
    screen(joint ? "IMMEX-PROSEC" : p.type, SCREEN.sign, [
      ["Firmar", "e.firma", "Revise todo antes de firmar: un reporte firmado no se edita. La solicitud guardada sin firmar desaparece a los 15 días naturales."],
      ["Acuse", "Descárguelo y guárdelo", `VUCEM da un folio de 25 dígitos. Anote la fecha de presentación y el folio en la hoja Programas (fila ${label}${joint ? " y la de PROSEC" : ""}).`],
    ]);
  }
  return rows;
}

function figureRows(p: ProgramResult, a: UsableAnalysis, figures: Record<string, unknown>, engine: EngineVucemFigures | undefined): Row[] {
  const out: Row[] = [];
  const whole: Partial<Record<FigureKey, number | null>> = {};
  let blocked = false;
  const figure = (key: FigureKey, note: string) => {
    const path = `figures.${key}`;
    const errs = issuesAt(a.issues, path, "error");
    const raw = num(figures[key]);
    if (errs.length) {
      blocked = true;
      out.push([CAPTURE_ES[key]!, "No capturar: hay un error", errorNote(errs)]);
      return;
    }
    if (raw === null) {
      if (key === "totalImports") {
        whole[key] = 0;
        out.push([CAPTURE_ES[key]!, 0, "Sin importaciones capturadas en la hoja Cifras: escriba 0."]);
      } else {
        blocked = true;
        out.push([CAPTURE_ES[key]!, "Falta la cifra", "Captúrela en la hoja Cifras."]);
      }
      return;
    }
    const w = num(engine?.[key]) ?? wholeMiles(raw);
    whole[key] = w;
    const parts = [note];
    if (w !== null && w !== raw) parts.push(`Redondeado de ${grouped(raw)} a ${grouped(w)}: VUCEM solo acepta miles de pesos enteros.`);
    if (w !== null && String(Math.abs(w)).length > VUCEM_MAX_DIGITS) parts.push(`Tiene más de ${VUCEM_MAX_DIGITS} dígitos: VUCEM no lo acepta.`);
    // The rounding note above already says what the engine's VUCEM_ROUNDED warning says.
    for (const wi of issuesAt(a.issues, path, "warning")) if (wi.code !== "VUCEM_ROUNDED") parts.push(`Aviso: ${wi.message}`);
    out.push([CAPTURE_ES[key]!, w, parts.join(" ")]);
  };

  if (p.capture.includes("totalSales")) figure("totalSales", "Solo dígitos, en miles de pesos; incluye las exportaciones.");
  if (p.capture.includes("totalExports")) figure("totalExports", "Solo dígitos, en miles de pesos; directas + indirectas (virtuales).");
  if (p.capture.includes("totalImports")) {
    if (p.type === "IMMEX") figure("totalImports", "Capture si VUCEM habilita el campo: el formulario nuevo de VUCEM lo deshabilita para IMMEX.");
    else figure("totalImports", "Solo dígitos, en miles de pesos" + (p.type === "PROSEC" ? "; solo de los bienes producidos con insumos PROSEC." : "."));
  } else if (p.type === "IMMEX") {
    out.push([CAPTURE_ES.totalImports!, "No se captura", "Con programas ligados VUCEM deshabilita el campo de importaciones (muestra 0)."]);
  }

  const A = whole.totalSales;
  const B = whole.totalExports;
  const C = whole.totalImports ?? 0;
  if (blocked || A === undefined || A === null || B === undefined || B === null) {
    out.push(["Saldo b-c y Porcentaje exportación b/a*100", "Los calcula VUCEM", "Se podrán verificar cuando a y b no tengan errores."]);
  } else {
    const share = A > 0 ? ((B / A) * 100).toFixed(2) + " %" : "no se calcula (ventas totales = 0)";
    out.push(["Saldo b-c y Porcentaje exportación b/a*100", "Los calcula VUCEM", `Verifique lo que muestre VUCEM: saldo ${grouped(B - C)}; exportación ${share} (calculados con las cifras enteras que va a capturar).`]);
  }
  out.push(["Continuar", "Pulse Continuar"]);
  return out;
}

function goodsScreens(
  p: ProgramResult,
  a: UsableAnalysis,
  doc: { goods?: Record<string, unknown>[] },
  screen: (program: string, name: string, fields: Row[]) => void,
  info: (program: string | null, name: string, field: string, value: PlanValue, note: string | null) => void,
): void {
  const goods = a.result.goods;
  const valid = goods.filter((g) => g.valid);
  const invalid = goods.filter((g) => !g.valid);
  if (valid.length === 0) {
    info(p.type, SCREEN.goods, "Sin bienes válidos", null, "PROSEC sin otros programas debe capturar al menos un bien producido: capture sus bienes en la hoja Bienes.");
  }
  if (invalid.length) {
    const where = invalid
      .map((g) => a.read.rows.goods?.[g.index])
      .map((row, k) => (row === undefined ? `#${invalid[k]!.index + 1}` : `fila ${row + 1} de la tabla`))
      .slice(0, 10)
      .join(", ");
    info(p.type, SCREEN.goods, `${plural(invalid.length, "bien con errores", "bienes con errores")}`, "No capturar todavía", `Corríjalos en la hoja Bienes (vea Problemas): ${where}${invalid.length > 10 ? "…" : ""}.`);
  }
  const lines = valid.map((g) => {
    const src = doc.goods?.[g.index] ?? {};
    const cap: Partial<Record<string, unknown>> | undefined = g.capture ? { ...g.capture } : undefined; // the engine's values to type
    const sector = PROSEC_SECTORS.find((s) => s.key === g.sector) ?? null;
    const typedDescription = typeof src.description === "string" ? src.description.trim() : null;
    const description = typeof cap?.description === "string" ? cap.description : typedDescription;
    const fromEngine = (key: string, typed: unknown) => {
      const v = volume(typed);
      const w = num(cap?.[key]);
      return w === null ? v : { raw: v.raw, whole: w };
    };
    return {
      sector: sector ? `${sector.key} ${sector.name}` : g.sector,
      sectorKey: g.sector,
      tariff: typeof cap?.tariffCode === "string" ? cap.tariffCode : g.tariffCode, // 8 digits without dots
      description,
      descriptionTooLong: typedDescription !== null && typedDescription.length > VUCEM_MAX_DESCRIPTION,
      typedLength: typedDescription?.length ?? 0,
      unit: typeof cap?.unitName === "string" ? cap.unitName : g.unitName, // VUCEM's own name («Kilogramo» for key 1; catalogs.ts)
      total: fromEngine("totalVolume", src.totalVolume),
      domestic: fromEngine("domesticVolume", src.domesticVolume),
      exported: fromEngine("exportVolume", src.exportVolume),
    };
  });
  const volumeNote = (v: { raw: number | null; whole: number | null }, what: string) =>
    v.whole === null ? `Sin ${what} en la hoja Bienes: escriba 0 si no hubo.` : v.whole !== v.raw ? `Redondeado de ${grouped(v.raw!)} a ${grouped(v.whole)}: VUCEM acepta solo enteros.` : undefined;
  const descNote = (l: (typeof lines)[number]) =>
    l.descriptionTooLong ? `Tiene ${l.typedLength} caracteres: VUCEM acepta ${VUCEM_MAX_DESCRIPTION}. Abrévielo en la hoja Bienes.` : `Máximo ${VUCEM_MAX_DESCRIPTION} caracteres.`;

  if (lines.length > CAPTURE_GOODS_DETAILED) {
    // Long lists: one short row per good (the whole list must fit one Office.js request of a few MB).
    info(p.type, SCREEN.goods, `${lines.length} bienes: uno por renglón`, "Pulse Agregar por cada bien", "Campo: sector · fracción (8 dígitos, sin puntos) · unidad; Valor: volumen total; Nota: volúmenes nacional y de exportación y la descripción (máx. 250 caracteres).");
    screen(
      p.type,
      "Bienes producidos",
      lines.map((l, k) => [
        `Bien ${k + 1} de ${lines.length}: sector ${l.sectorKey ?? "?"} · fracción ${l.tariff ?? "?"} · ${l.unit ?? "?"}`,
        l.total.whole,
        `Nacional ${l.domestic.whole ?? 0} · exportación ${l.exported.whole ?? 0} · ${l.descriptionTooLong ? descNote(l) : (l.description ?? "—")}`,
      ]),
    );
  } else {
    lines.forEach((l, k) =>
      screen(p.type, `${SCREEN.goods} (bien ${k + 1} de ${lines.length})`, [
        ["Clave sector (seleccione la fila)", l.sector, "VUCEM rotula el sector «De la industria …» y solo muestra los autorizados del programa."],
        ["Fracción arancelaria", l.tariff, "8 dígitos, sin puntos."],
        ["Bienes producidos (descripción)", l.descriptionTooLong ? "No capturar: descripción demasiado larga" : l.description, descNote(l)],
        ["Unidad de medida (la muestra VUCEM)", l.unit, "Verifique que sea la de la fracción."],
        ["Volumen del total de bienes producidos", l.total.whole, volumeNote(l.total, "volumen total")],
        ["Volumen del mercado nacional", l.domestic.whole ?? 0, volumeNote(l.domestic, "volumen del mercado nacional")],
        ["Volumen de exportaciones", l.exported.whole ?? 0, volumeNote(l.exported, "volumen de exportaciones")],
        ["Agregar", "Pulse Agregar", k + 1 < lines.length ? "Repita con el siguiente bien." : "Último bien: revise la lista de bienes agregados y pulse Continuar."],
      ]),
    );
  }
}

function volume(v: unknown): { raw: number | null; whole: number | null } {
  const raw = num(v);
  return { raw, whole: wholeMiles(raw) };
}
