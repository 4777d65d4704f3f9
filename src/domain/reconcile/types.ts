/** Records the reconciliation works on: one per pedimento (the Data Stage items already summed, or a list row). */
import type { IsoDate } from "../dates";
import type { Issue } from "../issues";
import type { ClaveRule, Direction, Treatment } from "./claves";

export interface PedimentoRecord {
  /** 15 digits (R52). */
  number: string;
  /** From TipoOperacion (1 import, 2 export); null when unreadable. */
  direction: Direction | null;
  /** ClaveDocumento as declared (an R1 may say "R1"). */
  clave: string;
  /** FechaPagoReal. */
  paidOn: IsoDate | null;
  /** Σ 551 ValorComercial, pesos. */
  commercialMxn: number;
  /** Σ 551 ValorAduana, pesos (null: not given, e.g. a list). */
  customsMxn: number | null;
  /** Σ 551 ValorDolares, USD (null: not given). */
  usd: number | null;
  /** Σ 551 ValorAgregado, pesos (null: blank on every item). */
  valueAdded: number | null;
  /** 501 TipoCambio (MXN per USD). */
  exchangeRate: number | null;
  /** Item rows summed (0 for a list row). */
  items: number;
  /** Consolidated pedimento (507 identifier PC). */
  consolidated: boolean;
  /** Earliest invoice date (505 FechaFacturacion), when known. */
  invoiceFrom: IsoDate | null;
  /** Where it was read: "Pedimentos!A7" or "1875724_501.asc, línea 12". */
  source: string;
}

/** 701: `number` (the R1) replaces `previous`. */
export interface RectificationLink {
  number: string;
  previous: string;
  /** Effective clave of the R1 when its 501 says "R1" (701 ClaveDocumento / DocumentoAnterior). */
  clave: string | null;
  source: string;
}

export type Materiality = { kind: "percent"; value: number } | { kind: "miles"; value: number };

export const DEFAULT_MATERIALITY: Materiality = { kind: "percent", value: 0.01 };
/** R56: a difference within ±0.5 miles de pesos is rounding. */
export const ROUNDING_MILES = 0.5;

export interface ReconcileInput {
  fiscalYear: number;
  pedimentos: readonly PedimentoRecord[];
  rectifications: readonly RectificationLink[];
  claves: readonly ClaveRule[];
  captured: { totalSales?: number | null; totalExports?: number | null; totalImports?: number | null; taxReturnIncome?: number | null };
  /** R25: the company works under consignment → exports at ValorAgregado. */
  consignment: boolean;
  /** R55: imports at ValorComercial (default) or ValorAduana. */
  importBasis: "commercial" | "customs";
  /** R24 annual average rate (MXN per USD) for the exchange-rate explanation; null: that line is not computed. */
  annualRate: number | null;
  materiality: Materiality;
  /** Data Stage or list, for the sheet's heading. */
  sourceLabel: string;
}

/** A pedimento as shown in a drill-down. */
export interface PedimentoRef {
  number: string;
  /** "25  47  3807  5001234". */
  display: string;
  clave: string;
  paidOn: IsoDate | null;
  /** Value on the figure's basis, pesos. */
  mxn: number;
  usd: number | null;
  source: string;
}

export type LineKind = "virtual" | "consignment" | "rectifications" | "cutoff" | "exchangeRate" | "returns" | "services" | "importBasis";

export interface ExplanationLine {
  kind: LineKind;
  title: string;
  titleEn: string;
  /** What the captured figure would differ by, in miles (captured − customs), if the preparer did this; null: not computable. */
  effectMiles: number | null;
  /** True when this line accounts for (part of) the difference, taken in order. */
  explains: boolean;
  note: string;
  noteEn: string;
  pedimentos: PedimentoRef[];
}

export type FigureKey = "totalSales" | "totalExports" | "totalImports";
export type FigureStatus = "conciliado" | "dentro-materialidad" | "diferencia-material" | "sin-captura" | "sin-datos";

export interface FigureReconciliation {
  figure: FigureKey;
  letter: "a" | "b" | "c";
  path: string;
  label: string;
  captured: number | null;
  /** Customs total in miles de pesos (b, c); null for (a). */
  customs: number | null;
  /** Tax-return income in miles (a only). */
  taxReturn: number | null;
  /** captured − reference (customs, or the tax return for a), miles. */
  difference: number | null;
  /** difference / reference. */
  differencePct: number | null;
  /** Materiality threshold applied, miles. */
  threshold: number | null;
  status: FigureStatus;
  lines: ExplanationLine[];
  /** Difference left after the lines that explain it. */
  unexplained: number | null;
}

export interface ClassifiedTotals {
  /** Pesos, on each figure's basis. */
  exportsDirect: number;
  exportsVirtual: number;
  exportsSubtracted: number;
  imports: number;
  importsVirtual: number;
  usdExports: number;
  usdImports: number;
}

export interface ReconcileCounts {
  read: number;
  duplicates: number;
  superseded: number;
  inYear: number;
  otherYears: number;
  excluded: number;
  review: number;
  unknownClave: number;
}

export interface ReconcileResult {
  fiscalYear: number;
  sourceLabel: string;
  totals: ClassifiedTotals;
  counts: ReconcileCounts;
  figures: FigureReconciliation[];
  /** Pedimentos with an unknown clave or flagged for review, and excluded ones, for the accountant. */
  review: { treatment: Treatment | "unknown"; ref: PedimentoRef; note: string }[];
  issues: Issue[];
}
