export interface GenItem { fraccion: string; seq: number; desc: string; vc: number; va: number; usd: number; added: number | null }
export interface GenPedimento {
  patente: string;
  seccion: string;
  pedimento: string;
  tipoOp: 1 | 2;
  clave: string;
  tc: number;
  /** "YYYY-MM-DD HH:MM:SS" */
  paid: string;
  tipoPedimento: 1 | 2;
  consolidated: boolean;
  invoiceDate: string | null;
  items: GenItem[];
  delivery: string;
}
export interface GenRectification { r1: GenPedimento; prev: GenPedimento; original?: GenPedimento; claveDocumento: string; documentoAnterior: string }
export interface GenModel { rfc: string; name: string; year: number; pedimentos: GenPedimento[]; rectifications: GenRectification[] }
export function generateMaquila(o?: { year?: number; seed?: number; itemsTarget?: number; pedimentosPerMonth?: number; rfc?: string }): GenModel;
export function writeDeliveries(model: GenModel, dir: string): Promise<string[]>;
export function deliveryFiles(model: GenModel, folio: string, months: string[], o?: { variantHeaders?: boolean }): Record<string, string>;
