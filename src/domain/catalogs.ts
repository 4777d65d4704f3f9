/** R35, R37: catalogs of the PROSEC relación de bienes producidos (sectors and units of measure). */

export interface Sector {
  key: string; // Roman numeral, e.g. "XXII"
  number: number;
  name: string;
  confidence: "H" | "M";
}

const sector = (key: string, number: number, name: string, confidence: "H" | "M" = "H"): Sector =>
  Object.freeze({ key, number, name, confidence });

/**
 * R35: sectors of the PROSEC decree (art. 3). VUCEM labels them "De la industria …" (the 2025 guide shows
 * "XXII De la industria del café"); we keep the short names and accept VUCEM's label when parsing.
 */
export const PROSEC_SECTORS: readonly Sector[] = Object.freeze([
  sector("I", 1, "Eléctrica"),
  sector("II", 2, "Electrónica"),
  sector("III", 3, "Mueble"),
  sector("IV", 4, "Juguete, juegos de recreo y artículos deportivos"),
  sector("V", 5, "Calzado"),
  sector("VI", 6, "Minera y metalúrgica"),
  sector("VII", 7, "Bienes de capital"),
  sector("VIII", 8, "Fotográfica"),
  sector("IX", 9, "Maquinaria agrícola"),
  sector("X", 10, "Industrias diversas"),
  sector("XI", 11, "Química"),
  sector("XII", 12, "Manufacturas del caucho y plástico"),
  sector("XIII", 13, "Siderúrgica"),
  sector("XIV", 14, "Productos farmoquímicos, medicamentos y equipo médico"),
  sector("XV", 15, "Transporte (excepto automotriz y autopartes)"),
  sector("XVI", 16, "Papel y cartón"),
  sector("XVII", 17, "Madera"),
  sector("XVIII", 18, "Cuero y pieles"),
  sector("XIX", 19, "Automotriz y de autopartes"),
  sector("XX", 20, "Textil y de la confección"),
  sector("XXI", 21, "Chocolates, dulces y similares"),
  sector("XXII", 22, "Café"),
  sector("XXIII", 23, "Alimentaria", "M"),
]);

/** Upper-case, trimmed, accents removed (Ñ → N too), inner whitespace collapsed. */
export function normalizeText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .trim()
    .replace(/\s+/g, " ");
}

function sectorByNumber(n: number): Sector | null {
  return PROSEC_SECTORS.find((s) => s.number === n) ?? null;
}

function sectorByToken(token: string): Sector | null {
  if (/^\d{1,2}$/.test(token)) return sectorByNumber(Number(token));
  return PROSEC_SECTORS.find((s) => s.key === token) ?? null;
}

/**
 * R35: "XXII", "xxii", 22, "22", " XXII ", "Sector XXII" → XXII. A key followed by a label ("XXII - Café",
 * "XXII De la industria del café") is accepted when the label names that sector. Anything else → null.
 */
export function parseSector(value: unknown): Sector | null {
  if (typeof value === "number") return Number.isInteger(value) ? sectorByNumber(value) : null;
  if (typeof value !== "string") return null;
  const text = normalizeText(value).replace(/^SECTOR\s+/, "");
  const m = /^([IVX]+|\d{1,2})(?:\s*[-–.:]\s*|\s+)?(.*)$/.exec(text);
  if (!m) return null;
  const found = sectorByToken(m[1] ?? "");
  if (!found) return null;
  const label = (m[2] ?? "").trim();
  if (label === "") return found;
  const name = normalizeText(found.name);
  return label === name || label.endsWith(" " + name) || label.startsWith(name) ? found : null;
}

export interface Unit {
  key: number;
  name: string;
  aliases: readonly string[];
  /** The name VUCEM's goods screen shows, when it differs from Apéndice 7's (guide 2025: "Kilogramo" for key 1). */
  vucemName: string;
}

const unit = (key: number, name: string, aliases: string[], vucemName = name): Unit =>
  Object.freeze({ key, name, aliases: Object.freeze(aliases), vucemName });

/** R37: Anexo 22, Apéndice 7 units of measure (keys 1–21). The 2025 guide writes "Kilogramo" for key 1. */
export const UNITS: readonly Unit[] = Object.freeze([
  unit(1, "Kilo", ["Kilogramo", "Kilogramos", "Kilos", "Kg", "Kgs"], "Kilogramo"),
  unit(2, "Gramo", ["Gramos", "g", "gr", "grs"]),
  unit(3, "Metro lineal", ["Metros lineales", "Metro", "Metros", "m", "ml"]),
  unit(4, "Metro cuadrado", ["Metros cuadrados", "m2"]),
  unit(5, "Metro cúbico", ["Metros cúbicos", "m3"]),
  unit(6, "Pieza", ["Piezas", "pza", "pzas", "pz"]),
  unit(7, "Cabeza", ["Cabezas"]),
  unit(8, "Litro", ["Litros", "l", "lt", "lts"]),
  unit(9, "Par", ["Pares"]),
  unit(10, "Kilowatt", ["Kilowatts", "kw"]),
  unit(11, "Millar", ["Millares"]),
  unit(12, "Juego", ["Juegos"]),
  unit(13, "Kilowatt/Hora", ["Kilowatt hora", "Kilowatts/Hora", "Kilowatts hora", "kwh"]),
  unit(14, "Tonelada", ["Toneladas", "t", "ton", "tons"]),
  unit(15, "Barril", ["Barriles"]),
  unit(16, "Gramo neto", ["Gramos netos"]),
  unit(17, "Decenas", ["Decena"]),
  unit(18, "Cientos", ["Ciento"]),
  unit(19, "Docenas", ["Docena"]),
  unit(20, "Caja", ["Cajas"]),
  unit(21, "Botella", ["Botellas"]),
]);

/** Unit names compare without accents, case, dots and spaces around "/". */
const unitText = (s: string): string => normalizeText(s.replace(/\./g, " ")).replace(/\s*\/\s*/g, "/");

const UNIT_INDEX: ReadonlyMap<string, Unit> = new Map(
  UNITS.flatMap((u) => [u.name, ...u.aliases].map((n) => [unitText(n), u] as const)),
);

function unitByKey(n: number): Unit | null {
  return UNITS.find((u) => u.key === n) ?? null;
}

/** R37: key (1 or "1") or name/alias, case- and accent-insensitive; "1 - Kilo" works when the name matches the key. */
export function parseUnit(value: unknown): Unit | null {
  if (typeof value === "number") return Number.isInteger(value) ? unitByKey(value) : null;
  if (typeof value !== "string") return null;
  const text = unitText(value);
  if (/^\d{1,2}$/.test(text)) return unitByKey(Number(text));
  const byName = UNIT_INDEX.get(text);
  if (byName) return byName;
  const m = /^(\d{1,2})\s*[-–:]?\s*(.+)$/.exec(text);
  if (!m) return null;
  const byKey = unitByKey(Number(m[1]));
  return byKey && UNIT_INDEX.get(m[2] ?? "") === byKey ? byKey : null;
}
