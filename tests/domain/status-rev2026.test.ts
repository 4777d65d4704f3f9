/**
 * Revised rules of 2026-11 (../shared/domain/README.md): R4 rev. (CANCELADO from a cancellation on or after 1 April),
 * R9 rev. ("held" ≠ "linked"), R12 rev. (filings on non-business days), R33 wording. Dates from the reference's own
 * examples and the 2026 calendar of research/2026-review.md §1.1 (IMMEX due Fri 29-May-2026, PROSEC alone Thu 30-Apr).
 */
import { programStatus, type StatusInput } from "../../src/domain/status";
import type { IsoDate } from "../../src/domain/dates";

const base = { filingYear: 2026 } as const;
const run = (extra: Partial<StatusInput> & Pick<StatusInput, "program" | "asOf">) =>
  programStatus({ ...base, heldPrograms: [extra.program], ...extra });

describe("R9 rev.: a PROSEC whose IMMEX was cancelled in the fiscal year files alone", () => {
  const partners = [
    { type: "IMMEX" as const, cancelledOn: "2025-10-15" as IsoDate },
    { type: "PROSEC" as const },
  ];
  const prosec = (asOf: IsoDate, filedOn?: IsoDate) =>
    run({ program: "PROSEC", asOf, heldPrograms: ["IMMEX", "PROSEC"], partners, ...(filedOn ? { filedOn } : {}) });

  it("April dates (PROSEC alone): due 30-Apr-2026, late until 30-Jun, cancelled 1-Jul", () => {
    const r = prosec("2026-04-10");
    expect(r.deadlines).toMatchObject({ linked: false, due: "2026-04-30", lateUntil: "2026-06-30", cancelledOn: "2026-07-01" });
    expect(r.inForce).toEqual(["PROSEC"]);
    const n = r.notes.find((x) => x.code === "PROSEC_ALONE_PARTNER_CANCELLED");
    expect(n?.message).toContain("15 de octubre de 2025");
    expect(n?.message).toContain("relación de bienes producidos");
  });
  it("on 10-May-2026 it is SUSPENDIDO (since 1 May), not EN_PLAZO", () => {
    expect(prosec("2026-05-10").status).toBe("SUSPENDIDO");
  });
  it("an IMMEX cancelled on or after 1 April still links (it files that year)", () => {
    const r = run({ program: "PROSEC", asOf: "2026-05-10", heldPrograms: ["IMMEX", "PROSEC"], partners: [{ type: "IMMEX", cancelledOn: "2026-09-01" }, { type: "PROSEC" }] });
    expect(r.deadlines.due).toBe("2026-05-29");
    expect(r.status).toBe("EN_PLAZO");
  });
});

describe("R9 rev.: IMMEX authorized during the filing year links nothing", () => {
  const r = run({ program: "PROSEC", asOf: "2026-04-10", heldPrograms: ["IMMEX", "PROSEC"], partners: [{ type: "IMMEX", authorizedOn: "2026-02-10" }, { type: "PROSEC" }], immexFiledOn: "2026-04-05" });
  it("PROSEC uses the April date (the safe one) and says the guide might allow May", () => {
    expect(r.deadlines.due).toBe("2026-04-30");
    const n = r.notes.find((x) => x.code === "PROSEC_ALONE_PARTNER_NEW");
    expect(n?.message).toContain("podría permitir mayo");
  });
  it("nothing is replicated from IMMEX", () => {
    expect(r.status).toBe("EN_PLAZO");
    expect(r.effectiveFiledOn).toBeNull();
  });
});

describe("R4 rev.: cancelled on or after 1 April → CANCELADO, with date and cause", () => {
  it("never filed, cancelled 1-Sep-2026 by the RAOCE timeline → CANCELADO with the timeline's cause", () => {
    const r = run({ program: "IMMEX", asOf: "2026-09-15", cancelledOn: "2026-09-01" });
    expect(r.status).toBe("CANCELADO");
    expect(r.cancellation).toEqual({ date: "2026-09-01", cause: expect.stringContaining("31 de agosto de 2026"), causeEn: expect.any(String) });
    expect(r.cancellation?.cause).toContain("Decreto IMMEX art. 25");
  });
  it("cancelled 15-Jun-2026 for another cause → CANCELADO from that date, cause shown", () => {
    const r = run({ program: "IMMEX", asOf: "2026-07-01", cancelledOn: "2026-06-15", cancellationCause: "Procedimiento de cancelación (domicilio no localizado)" });
    expect(r.status).toBe("CANCELADO");
    expect(r.notes.find((n) => n.code === "PROGRAM_CANCELLED_IN_FILING_YEAR")?.message).toMatch(/15 de junio de 2026 \(causa: Procedimiento/);
  });
  it("cancelled before 1 April → NO_OBLIGADO", () => {
    expect(run({ program: "IMMEX", asOf: "2026-05-10", cancelledOn: "2026-03-31" }).status).toBe("NO_OBLIGADO");
  });
  it("not filed, as of after 1-Sep-2026 with no cancellation typed → CANCELADO with the timeline's date", () => {
    expect(run({ program: "IMMEX", asOf: "2026-09-02" }).cancellation).toMatchObject({ date: "2026-09-01" });
  });
});

describe("R12 rev.: a filing on a non-business day counts from the next business day", () => {
  it("filed Sun 31-May-2026 → reactivation by Wed 3-Jun-2026", () => {
    const r = run({ program: "IMMEX", asOf: "2026-06-10", filedOn: "2026-05-31" });
    expect(r.status).toBe("PRESENTADO_EXTEMPORANEO");
    expect(r.reactivationBy).toBe("2026-06-03");
  });
  it("G6-26: filed Mon 31-Aug-2026 → reactivation by Thu 3-Sep-2026 (1 Sep is an LFPA day)", () => {
    expect(run({ program: "IMMEX", asOf: "2026-09-10", filedOn: "2026-08-31" }).reactivationBy).toBe("2026-09-03");
  });
});

describe("messages", () => {
  it("a suspended program past its last day is not told it 'aún puede presentar'", () => {
    // IMMEX 2025: late until Fri 29-Aug-2025, cancelled Mon 1-Sep; Sat 30-Aug is in between.
    const r = programStatus({ program: "IMMEX", filingYear: 2025, heldPrograms: ["IMMEX"], asOf: "2025-08-30" });
    expect(r.status).toBe("SUSPENDIDO");
    const m = r.notes.find((n) => n.code === "SUSPENDED_MAY_FILE")!.message;
    expect(m).not.toContain("Aún puede");
    expect(m).toContain("El último día para presentar fue el 29 de agosto de 2025");
  });
  it("R33: the correction note names both dates and says the safe one skips only weekends", () => {
    // Filed Fri 19-Dec-2025: 5 SE business days run after the SE's period (7..13 Jan 2026); weekends only: Fri 26 Dec.
    const r = programStatus({ program: "IMMEX", filingYear: 2025, heldPrograms: ["IMMEX"], asOf: "2025-12-20", overrides: { lateUntil: "2025-12-31", cancelledOn: "2026-01-02" }, filedOn: "2025-12-19" });
    expect(r.correctionBy).toBe("2026-01-13");
    expect(r.correctionBySafe).toBe("2025-12-26");
    expect(r.correctionNote).toContain("13 de enero de 2026");
    expect(r.correctionNote).toContain("se descuentan solo sábados y domingos");
    expect(r.correctionNote).toContain("26 de diciembre de 2025");
    // the period that moved the date is named with its source
    expect(r.correctionNote).toContain("No cuenta como hábil el periodo vacacional de la Secretaría de Economía del 22 de diciembre de 2025 al 6 de enero de 2026 (aviso SNICE 516.2025.5545");
  });
});

describe("R4 + R10: an IMMEX cancelled on or after 1 April still links, but replicates nothing once cancelled", () => {
  // IMMEX cancelled 15-Apr-2026 (after 1 April of filing year 2026): in force for the filing, so PROSEC keeps the
  // linked May date (Fri 29-May-2026); with nothing filed, no IMMEX report will be replicated to PROSEC.
  const partners = [
    { type: "IMMEX" as const, cancelledOn: "2026-04-15" as IsoDate },
    { type: "PROSEC" as const },
  ];
  const prosec = (asOf: IsoDate, immexFiledOn?: IsoDate) =>
    run({ program: "PROSEC", asOf, heldPrograms: ["IMMEX", "PROSEC"], partners, ...(immexFiledOn ? { immexFiledOn } : {}) });

  it("after the cancellation, unfiled: May date, a note, and no replication promised", () => {
    const r = prosec("2026-05-10");
    expect(r).toMatchObject({ status: "EN_PLAZO", deadlines: { linked: true, due: "2026-05-29" }, excluded: [], replicatedFromImmex: false });
    expect(r.notes.find((n) => n.code === "LINKED_IMMEX_CANCELLED")?.message).toContain("IMMEX está cancelado desde el 15 de abril de 2026");
  });
  it("before the cancellation date, or with the IMMEX report filed before it, the replication stands", () => {
    expect(prosec("2026-04-10")).toMatchObject({ replicatedFromImmex: true });
    const filed = prosec("2026-05-10", "2026-04-10");
    expect(filed).toMatchObject({ status: "PRESENTADO", replicatedFromImmex: true });
    expect(filed.notes.some((n) => n.code === "LINKED_IMMEX_CANCELLED")).toBe(false);
  });
});
