import fc from "fast-check";
import { normalizeText, parseSector, parseUnit, PROSEC_SECTORS, UNITS } from "../../src/domain/catalogs";
import { parseTariffCode } from "../../src/domain/tariff";

describe("G13: the guide's PROSEC row", () => {
  it("sector XXII, fracción 09011201, unit Kilogramo, volume 30000 → valid row", () => {
    expect(parseSector("XXII")).toMatchObject({ key: "XXII", number: 22, name: "Café" });
    expect(parseTariffCode("09011201")).toEqual({ ok: true, code: "09011201", nico: null, normalizedFrom: "8" });
    expect(parseUnit("Kilogramo")?.key).toBe(1);
    const volume = 30000;
    expect(Number.isFinite(volume) && volume >= 0).toBe(true);
  });

  it("VUCEM's label for the sector is accepted", () => {
    expect(parseSector("XXII De la industria del café")?.key).toBe("XXII");
    expect(parseSector("XXII - De la Industria del Café")?.key).toBe("XXII");
  });
});

describe("PROSEC sectors (R35)", () => {
  it("has I–XXIII, XXIII with confidence M", () => {
    expect(PROSEC_SECTORS.map((s) => s.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(new Set(PROSEC_SECTORS.map((s) => s.key)).size).toBe(23);
    expect(PROSEC_SECTORS.find((s) => s.key === "XXIII")).toMatchObject({ name: "Alimentaria", confidence: "M" });
    expect(PROSEC_SECTORS.filter((s) => s.confidence === "M")).toHaveLength(1);
    expect(PROSEC_SECTORS.find((s) => s.key === "XIX")?.name).toBe("Automotriz y de autopartes");
  });

  it.each(["XXII", "xxii", 22, "22", " XXII ", "Sector XXII", "XXII - Café", "xxii cafe", "XXII."])("%p → XXII", (v) => {
    expect(parseSector(v)?.key).toBe("XXII");
  });

  it("roman and number keys agree for every sector", () => {
    for (const s of PROSEC_SECTORS) {
      expect(parseSector(s.key)).toBe(s);
      expect(parseSector(s.number)).toBe(s);
      expect(parseSector(String(s.number))).toBe(s);
    }
    expect(parseSector("V")?.name).toBe("Calzado");
    expect(parseSector("VI")?.name).toBe("Minera y metalúrgica");
  });

  it.each(["XXIV", 24, 0, "0", 22.5, "22.5", "IIII", "", "  ", null, undefined, "Café", "XXII Calzado", "XXIIA", true, {}])(
    "%p → null",
    (v) => {
      expect(parseSector(v)).toBeNull();
    },
  );
});

describe("units of measure (R37, Apéndice 7)", () => {
  it("keys 1..21 with the Apéndice 7 names", () => {
    expect(UNITS.map((u) => u.key)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(UNITS.find((u) => u.key === 1)?.name).toBe("Kilo");
    expect(UNITS.find((u) => u.key === 13)?.name).toBe("Kilowatt/Hora");
    expect(UNITS.find((u) => u.key === 21)?.name).toBe("Botella");
  });

  it("no name or alias points to two units", () => {
    const all = UNITS.flatMap((u) => [u.name, ...u.aliases].map((n) => normalizeText(n)));
    expect(new Set(all).size).toBe(all.length);
  });

  it.each([1, "1", " 01 ", "Kilogramo", "kg", "KG.", "Kilo", "kilos", "KILOGRAMO ", "1 - Kilo", "1 Kilogramo"])("%p → 1", (v) => {
    expect(parseUnit(v)?.key).toBe(1);
  });

  it("accent-, case- and spacing-insensitive names", () => {
    expect(parseUnit("Metro cúbico")?.key).toBe(5);
    expect(parseUnit("metro   CUBICO")?.key).toBe(5);
    expect(parseUnit("M3")?.key).toBe(5);
    expect(parseUnit("kilowatt / hora")?.key).toBe(13);
    expect(parseUnit("KWH")?.key).toBe(13);
    expect(parseUnit("Pieza")?.key).toBe(6);
    expect(parseUnit("pzas")?.key).toBe(6);
    expect(parseUnit("Gramo neto")?.key).toBe(16);
    expect(parseUnit("docena")?.key).toBe(19);
    expect(parseUnit(21)?.name).toBe("Botella");
  });

  it.each([0, 22, "22", 1.5, "2 - Kilo", "onza", "", null, undefined, [], {}])("%p → null", (v) => {
    expect(parseUnit(v)).toBeNull();
  });
});

describe("normalizeText", () => {
  it("upper-cases, trims, removes accents and collapses spaces", () => {
    expect(normalizeText("  café   con\tleche ")).toBe("CAFE CON LECHE");
    expect(normalizeText("Ñoño")).toBe("NONO");
    expect(normalizeText("Metro cúbico")).toBe("METRO CUBICO");
  });
});

it("property: parseSector and parseUnit never throw", () => {
  const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withTypedArray: true, withSparseArray: true });
  fc.assert(
    fc.property(fc.oneof(anything, fc.string(), fc.integer()), (v) => {
      parseSector(v);
      parseUnit(v);
    }),
  );
});
