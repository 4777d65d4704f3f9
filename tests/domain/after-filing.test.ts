/** After filing (R33, R34/R49, R44–R48): pure rules. Expected dates are counted by hand from R12's layers. */
import { createHash } from "node:crypto";
import { afterFilingDeadlines, workbookCalendar } from "../../src/domain/after-filing";
import { compareWithEvidence, correctionDeadline, correctionIssues } from "../../src/domain/after-filing/corrections";
import { blockDigest, capturedFields, inputsDigest, type EvidenceBlock } from "../../src/domain/after-filing/evidence";
import { evaluate } from "../../src/domain/evaluate";
import { evidenceBlocks, evidenceCells } from "../../src/domain/after-filing/evidence-rows";
import { evaluateHealth, lastEmimMonthDue, type HealthContext } from "../../src/domain/after-filing/health";
import { correctionLetter, noticeLetter, type LetterParty } from "../../src/domain/after-filing/letter";
import { evaluateNotices, NOTICE_TYPES, parseNoticeType } from "../../src/domain/after-filing/notices";
import { canonicalJson, sha256Hex } from "../../src/domain/after-filing/sha256";

describe("SHA-256 (pure TypeScript)", () => {
  it("matches the FIPS 180-4 examples", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  });
  it("agrees with Node's crypto on UTF-8 text and on every length around the block boundary", () => {
    const texts = ["Razón social: Ñandú & Cía. — 120,000 € 😀", ...Array.from({ length: 130 }, (_, n) => "x".repeat(n))];
    for (const t of texts) expect(sha256Hex(t)).toBe(createHash("sha256").update(t, "utf8").digest("hex"));
  });
  it("canonical JSON ignores key order, so the digest of the same inputs never changes", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 2], c: "x" } })).toBe(canonicalJson({ a: { c: "x", d: [1, 2] }, b: 1 }));
    const doc = { company: { rfc: "SAT970701NN3" }, figures: { totalSales: 1000 }, programs: [{ type: "IMMEX" }] };
    const filed = { ...doc, programs: [{ type: "IMMEX", filedOn: "2025-05-28", folio: "123" }] };
    expect(inputsDigest(filed)).toBe(inputsDigest(doc)); // recording the filing does not change the digest
    expect(inputsDigest({ ...doc, figures: { totalSales: 1001 } })).not.toBe(inputsDigest(doc));
  });
});

const block = (over: Partial<EvidenceBlock> = {}): EvidenceBlock => ({
  block: 1,
  markedOn: "2025-05-28",
  program: "IMMEX",
  number: "83-2019",
  filedOn: "2025-05-28",
  folio: "2505281234567",
  preparedBy: "Jorge",
  reviewedBy: "Laura",
  exchangeRate: 18.3,
  exchangeRateSource: "Banxico",
  computedAt: "2025-05-28",
  inputsSha256: "abc",
  captured: [
    { key: "rfc", label: "RFC", value: "SAT970701NN3", source: "company.rfc" },
    { key: "totalSales", label: "Ventas totales (a)", value: 120000, source: "figures.totalSales" },
    { key: "totalExports", label: "Total exportaciones (b)", value: 12000, source: "figures.totalExports" },
    { key: "totalImports", label: "Total importaciones (c)", value: 8000, source: "figures.totalImports" },
  ],
  ...over,
});

describe("R33 correction letter deadline (R12 calendar)", () => {
  it("filed Fri 29-Aug-2025: 5th business day is Mon 8-Sep (1 Sep is an LFPA day); weekends only: Fri 5-Sep", () => {
    expect(correctionDeadline("2025-08-29")).toEqual({ by: "2025-09-08", safe: "2025-09-05" });
  });
  it("filed Wed 28-May-2025: Wed 4-Jun-2025 either way", () => {
    expect(correctionDeadline("2025-05-28")).toEqual({ by: "2025-06-04", safe: "2025-06-04" });
  });
  it("filed on Sunday 31-May-2026: counted from the next business day (Fri 5-Jun-2026)", () => {
    expect(correctionDeadline("2026-05-31").by).toBe("2026-06-05");
  });
});

describe("evidence ↔ current values", () => {
  it("lists exactly the fields that changed, numbers compared as numbers", () => {
    const now = [
      { key: "rfc", label: "RFC", value: "SAT970701NN3", source: "company.rfc" },
      { key: "totalSales", label: "Ventas totales (a)", value: 120000.0, source: "figures.totalSales" },
      { key: "totalExports", label: "Total exportaciones (b)", value: 12500, source: "figures.totalExports" },
      { key: "totalImports", label: "Total importaciones (c)", value: 8000, source: "figures.totalImports" },
    ];
    const changes = compareWithEvidence(block(), now);
    expect(changes).toEqual([{ key: "totalExports", label: "Total exportaciones (b)", said: "12,000", shouldSay: "12,500", source: "figures.totalExports" }]);
  });
  it("a value the evidence holds as text (read back from the sheet) equals the same number", () => {
    const b = block({ captured: [{ key: "totalSales", label: "Ventas totales (a)", value: "120000", source: null }] });
    expect(compareWithEvidence(b, [{ key: "totalSales", label: "Ventas totales (a)", value: 120000, source: "figures.totalSales" }])).toEqual([]);
  });
  it("a field captured now but not then, and one no longer captured, are both corrections", () => {
    const b = block({ captured: [{ key: "totalImports", label: "Total importaciones (c)", value: 8000, source: null }] });
    const changes = compareWithEvidence(b, [{ key: "goods.1.sector", label: "Bien 1: sector", value: "XXII", source: "goods[0].sector" }]);
    expect(changes.map((c) => [c.label, c.said, c.shouldSay])).toEqual([
      ["Total importaciones (c)", "8,000", "(no se captura)"],
      ["Bien 1: sector", "(no capturado)", "XXII"],
    ]);
  });
  it("a correction is a warning within the 5 business days and an error after, located at the changed input", () => {
    const c = compareWithEvidence(block(), [{ key: "totalSales", label: "Ventas totales (a)", value: 121500, source: "figures.totalSales" }, ...block().captured.filter((f) => f.key !== "totalSales")]);
    const inTime = correctionIssues(block(), c, "2025-06-04");
    expect(inTime).toHaveLength(1);
    expect(inTime[0]).toMatchObject({ severity: "warning", code: "CORRECTION_AFTER_FILING", path: "figures.totalSales" });
    expect(inTime[0]!.message).toContain("dice 120,000, debe decir 121,500");
    expect(inTime[0]!.message).toContain("a más tardar el 4 de junio de 2025 a las 18:00");
    expect(inTime[0]!.message).not.toMatch(/\bR\d+\b/);
    expect(correctionIssues(block(), c, "2025-06-05")[0]!.severity).toBe("error");
  });
  it("blocks survive the round trip through the Evidencia rows", () => {
    const b = block({ block: 2 });
    const rows = evidenceCells(b).map(([blk, markedOn, program, number, filedOn, folio, section, key, label, value, origin]) => ({ block: blk, markedOn, program, number, filedOn, folio, section, key, label, value: value === null ? undefined : String(value), origin }));
    const [back] = evidenceBlocks(rows);
    expect(back).toMatchObject({ block: 2, program: "IMMEX", number: "83-2019", filedOn: "2025-05-28", folio: "2505281234567", preparedBy: "Jorge", reviewedBy: "Laura", exchangeRate: 18.3, inputsSha256: "abc" });
    expect(back!.captured.map((f) => [f.key, f.value])).toEqual([["rfc", "SAT970701NN3"], ["totalSales", 120000], ["totalExports", 12000], ["totalImports", 8000]]);
    expect(back!.blockSha256).toBe(blockDigest(back!)); // read back as text, the block still matches its digest
    expect(blockDigest({ ...back!, captured: back!.captured.map((f) => (f.key === "totalSales" ? { ...f, value: 120001 } : f)) })).not.toBe(back!.blockSha256);
  });
});

const party: LetterParty = { companyName: "Manufacturas del Norte, S.A. de C.V.", rfc: "SAT970701NN3", programType: "IMMEX", programNumber: "83-2019", representative: "Lic. Ana Treviño", contactName: "Jorge Salinas", phone: "81 8123 4567", email: "ce@example.mx", place: "Monterrey, N.L." };

describe("correction letter content (Guía RAOCE 2025)", () => {
  const letter = correctionLetter({
    party,
    filedOn: "2025-05-28",
    folio: "2505281234567",
    fiscalYear: 2024,
    corrections: [{ key: "totalExports", label: "Total exportaciones (b)", said: "12,000", shouldSay: "12,500", source: null }],
    deadline: correctionDeadline("2025-05-28"),
    today: "2025-06-02",
  });
  it("is addressed to the program's mailbox with the guide's subject", () => {
    expect(letter.to[0]).toBe("atencion.immex@economia.gob.mx");
    expect(letter.to).toContain("atencion.prosec@economia.gob.mx");
    expect(letter.subject).toBe("ERROR RAOCE / SAT970701NN3");
  });
  it("has company, RFC, program type and number, filing date and folio, contact, attachments and the signature", () => {
    const all = [...letter.paragraphs, ...letter.closingParagraphs].join("\n");
    for (const s of ["Manufacturas del Norte", "SAT970701NN3", "IMMEX", "83-2019", "28 de mayo de 2025", "2505281234567", "81 8123 4567", "ce@example.mx"]) expect(all).toContain(s);
    expect(letter.attachments.join(" ")).toMatch(/personalidad del representante legal.*Declaración anual/);
    expect(letter.signature).toEqual(expect.arrayContaining(["Lic. Ana Treviño", "Representante legal"]));
    expect(letter.senderNote[0]).toContain("4 de junio de 2025 a las 18:00");
  });
  it("has one Dice / Debe decir row per correction and nothing else", () => {
    expect(letter.table).toEqual({ headers: ["Dato", "Dice", "Debe decir"], rows: [["Total exportaciones (b)", "12,000", "12,500"]] });
  });
  it("PROSEC letters go to the PROSEC mailbox first", () => {
    expect(correctionLetter({ party: { ...party, programType: "PROSEC" }, filedOn: "2025-04-28", folio: "1", fiscalYear: 2024, corrections: [], deadline: correctionDeadline("2025-04-28"), today: "2025-04-29" }).to[0]).toBe("atencion.prosec@economia.gob.mx");
  });
});

describe("R34/R49 change notices: 10 business days (R12)", () => {
  // Mon 9-Mar-2026: 16 Mar is the third Monday of March (LFT art. 74) → 10 business days end Tue 24 Mar; weekends only: Mon 23 Mar.
  const row = { type: "Representante legal", occurredOn: "2026-03-09" };
  it("deadline and safe date", () => {
    const { notices } = evaluateNotices([row], "2026-03-10");
    expect(notices[0]).toMatchObject({ type: "representative", deadline: "2026-03-24", safeDeadline: "2026-03-23", status: "pendiente" });
  });
  it("pending far from the deadline is a note; within 5 business days a warning; past it overdue (error)", () => {
    expect(evaluateNotices([row], "2026-03-10").issues[0]).toMatchObject({ severity: "info", code: "NOTICE_PENDING", path: "changeNotices[0].notifiedOn" });
    expect(evaluateNotices([row], "2026-03-18").issues[0]).toMatchObject({ severity: "warning", code: "NOTICE_PENDING" });
    const late = evaluateNotices([row], "2026-03-25");
    expect(late.notices[0]!.status).toBe("vencido");
    expect(late.issues[0]).toMatchObject({ severity: "error", code: "NOTICE_OVERDUE" });
    expect(late.issues[0]!.message).toContain("regla 1.3.12");
  });
  it("notified in time → presentado; after the deadline → presentado fuera de plazo (warning)", () => {
    expect(evaluateNotices([{ ...row, notifiedOn: "2026-03-24", folio: "A1" }], "2026-04-30")).toMatchObject({ notices: [{ status: "presentado" }], issues: [] });
    const r = evaluateNotices([{ ...row, notifiedOn: "2026-03-25", folio: "A1" }], "2026-04-30");
    expect(r.notices[0]!.status).toBe("presentado fuera de plazo");
    expect(r.issues[0]).toMatchObject({ severity: "warning", code: "NOTICE_LATE" });
  });
  it("the catalog covers the five changes of rule 1.3.12 and reads what people type", () => {
    expect(NOTICE_TYPES.map((t) => t.key)).toEqual(["name", "partners", "representative", "fiscalDomicile", "plantDomicile"]);
    expect(parseNoticeType("domicilio FISCAL")?.key).toBe("fiscalDomicile");
    expect(parseNoticeType("Razón")).toBeNull();
    expect(evaluateNotices([{ type: "Cambio de giro", occurredOn: "2026-03-09" }], "2026-03-10").issues[0]).toMatchObject({ code: "NOTICE_TYPE_UNKNOWN", severity: "warning" });
  });
  it("the draft escrito libre names the change, its date and the attachments of that change", () => {
    const { notices } = evaluateNotices([{ ...row, description: "Nombramiento de la Lic. Treviño" }], "2026-03-10");
    const l = noticeLetter({ party, notice: notices[0]!, today: "2026-03-10" });
    expect(l.subject).toBe("AVISO DE CAMBIO / SAT970701NN3 / Representante legal");
    expect(l.table!.rows).toEqual([["Tipo de cambio", "Representante legal"], ["Fecha en que ocurrió", "9 de marzo de 2026"], ["Descripción", "Nombramiento de la Lic. Treviño"]]);
    expect(l.attachments.join(" ")).toContain("Poder notarial");
    expect(l.senderNote[0]).toContain("24 de marzo de 2026");
  });
});

describe("R44–R48 program health", () => {
  const ctx = (over: Partial<HealthContext> = {}): HealthContext => ({
    requirements: { efirmaExpiry: "2027-01-01", opinionDate: "2026-06-01", opinionSense: "Positiva", listsCheckedOn: "2026-06-01", listsResult: "No aparece", inegiLastMonth: "2026-05-01" },
    domiciles: [{ kind: "Fiscal", address: "X", registered: true, status: "Activo" }],
    heldPrograms: ["IMMEX"],
    procedureDue: false,
    today: "2026-06-10",
    ...over,
  });
  const codes = (c: HealthContext) => evaluateHealth(c).map((i) => `${i.severity}:${i.code}`);
  it("everything in order gives no alert; nothing recorded gives none either", () => {
    expect(codes(ctx())).toEqual([]);
    expect(codes(ctx({ requirements: {}, domiciles: [] }))).toEqual([]);
  });
  it("R44 e.firma: expired → error, within 30 days → warning", () => {
    expect(codes(ctx({ requirements: { ...ctx().requirements, efirmaExpiry: "2026-06-09" } }))).toEqual(["error:EFIRMA_EXPIRED"]);
    expect(codes(ctx({ requirements: { ...ctx().requirements, efirmaExpiry: "2026-07-10" } }))).toEqual(["warning:EFIRMA_EXPIRING"]);
    expect(codes(ctx({ requirements: { ...ctx().requirements, efirmaExpiry: "2026-07-11" } }))).toEqual([]);
  });
  it("R45 32-D: negative → error; older than 30 days only matters when a procedure is due", () => {
    expect(codes(ctx({ requirements: { ...ctx().requirements, opinionSense: "Negativa" } }))).toEqual(["error:OPINION_NEGATIVE"]);
    const old = { ...ctx().requirements, opinionDate: "2026-05-01" };
    expect(codes(ctx({ requirements: old }))).toEqual([]);
    expect(codes(ctx({ requirements: old, procedureDue: true }))).toEqual(["warning:OPINION_OLD"]);
  });
  it("R46 domiciles: not registered or not located → error at the row's cell", () => {
    const issues = evaluateHealth(ctx({ domiciles: [...ctx().domiciles, { kind: "Bodega", registered: false, status: "Activo" }, { kind: "Planta", registered: true, status: "No localizado" }] }));
    expect(issues.map((i) => [i.severity, i.code, i.path])).toEqual([
      ["error", "DOMICILE_NOT_REGISTERED", "domiciles[1].registered"],
      ["error", "DOMICILE_NOT_ACTIVE", "domiciles[2].status"],
    ]);
  });
  it("R47 69/69-B: listed → error; not checked in 90 days → note", () => {
    expect(codes(ctx({ requirements: { ...ctx().requirements, listsResult: "Aparece en la lista del art. 69-B" } }))).toEqual(["error:LISTED_69"]);
    expect(codes(ctx({ requirements: { ...ctx().requirements, listsCheckedOn: "2026-03-11" } }))).toEqual(["info:LISTS_CHECK_OLD"]);
    expect(codes(ctx({ requirements: { ...ctx().requirements, listsCheckedOn: "2026-03-12" } }))).toEqual([]);
  });
  it("R48 INEGI EMIM (IMMEX only): a month past its day-20 due date and not reported → warning", () => {
    expect(lastEmimMonthDue("2026-06-20")).toBe("2026-04-01"); // May's report is due on 20 June: not late yet
    expect(lastEmimMonthDue("2026-06-21")).toBe("2026-05-01");
    const april = { ...ctx().requirements, inegiLastMonth: "2026-04-01" };
    expect(codes(ctx({ requirements: april, today: "2026-06-20" }))).toEqual([]);
    expect(codes(ctx({ requirements: april, today: "2026-06-21" }))).toEqual(["warning:EMIM_GAP"]);
    expect(codes(ctx({ requirements: april, today: "2026-06-21", heldPrograms: ["PROSEC"] }))).toEqual([]);
  });
});

describe("after-filing deadlines for urgency (R58) and reminders (R59)", () => {
  it("pending correction letters and notices, soonest first; done or undated ones left out", () => {
    const { notices } = evaluateNotices([{ type: "Representante legal", occurredOn: "2025-05-20" }, { type: "Domicilio fiscal", occurredOn: "2025-04-01" }, { type: "Socios o accionistas", occurredOn: "2025-05-01", notifiedOn: "2025-05-02" }, { type: "Domicilio fiscal" }], "2025-06-02");
    const b = block();
    const list = afterFilingDeadlines({ evidence: [b], corrections: [{ programIndex: 0, program: "IMMEX", number: "83-2019", block: b, corrections: [{ key: "totalSales", label: "x", said: "1", shouldSay: "2", source: null }], deadline: correctionDeadline(b.filedOn), inputsChanged: true }], notices, issues: [] }, "2025-06-02");
    expect(list.map((d) => [d.kind, d.label, d.date, d.safeDate, d.overdue])).toEqual([
      ["notice", "Aviso de cambio: Domicilio fiscal", "2025-04-15", "2025-04-15", true],
      ["notice", "Aviso de cambio: Representante legal", "2025-06-03", "2025-06-03", false],
      ["correction", "IMMEX 83-2019: carta de corrección (1 dato)", "2025-06-04", "2025-06-04", false],
    ]);
  });
});

describe("change notices over the SE's year-end period (R12 rev., R34)", () => {
  // A change on Mon 15-Dec-2025. The SE's period 22-Dec-2025 – 6-Jan-2026 (SNICE 516.2025.5545) is non-business by
  // default: Dec 16–19 are days 1–4, business days resume on 7-Jan-2026, so day 10 is Wed 14-Jan-2026. Without the
  // period (the workbook's «Contar los periodos inhábiles declarados por la SE» = No): Dec 16–24 are days 1–7,
  // 25 Dec is an LFPA day, so day 10 is Tue 30-Dec-2025.
  const row = { type: "Domicilio fiscal", occurredOn: "2025-12-15" };
  it("the workbook's setting reaches the 10-business-day term", () => {
    expect(evaluateNotices([row], "2025-12-16", workbookCalendar({})).notices[0]!.deadline).toBe("2026-01-14");
    expect(evaluateNotices([row], "2025-12-16", workbookCalendar({ settings: { seDeclaredPeriods: true } })).notices[0]!.deadline).toBe("2026-01-14");
    expect(evaluateNotices([row], "2025-12-16", workbookCalendar({ settings: { seDeclaredPeriods: false } })).notices[0]!.deadline).toBe("2025-12-30");
  });
});

describe("evidence of goods, as Captura VUCEM lists them", () => {
  const oldBlock = (): EvidenceBlock => ({
    block: 1, program: "PROSEC", number: "2019-8664", filedOn: "2025-04-28", folio: "F-1", recordedOn: "2025-04-28",
    captured: [
      { key: "goods.1.sector", label: "Bien 1: sector", value: "XXII", source: "goods[0].sector" },
      { key: "goods.1.tariffCode", label: "Bien 1: fracción arancelaria", value: "0901.12.01", source: "goods[0].tariffCode" },
      { key: "goods.1.unit", label: "Bien 1: unidad de medida", value: "1 - Kilo", source: "goods[0].unit" },
      { key: "goods.1.totalVolume", label: "Bien 1: volumen total producido", value: 30000, source: "goods[0].totalVolume" },
    ],
  }) as unknown as EvidenceBlock;
  const now = (over: Record<string, string | number> = {}) =>
    [
      ["goods.1.sector", "XXII"], ["goods.1.tariffCode", "09011201"], ["goods.1.unit", "Kilogramo"], ["goods.1.totalVolume", 30000],
      ["goods.1.domesticVolume", 8000], ["goods.1.exportVolume", 22000],
    ].map(([key, value]) => ({ key: key as string, label: key as string, value: (over[key as string] ?? value) as string | number, source: null }));

  it("a filing records each good as Captura VUCEM lists it: 8 digits, «Kilogramo», the three whole volumes", () => {
    // Goods rev. 2026-11 (domain reference): fracción 8 digits without dots, unit by VUCEM's name, whole volumes.
    const doc = {
      company: { rfc: "CFE370814QI0", name: "Tostadores" }, filingYear: 2025,
      programs: [{ type: "PROSEC", number: "2019-8664", sectors: ["XXII"] }],
      figures: { totalSales: 1000, totalExports: 1000, totalImports: 0 },
      goods: [{ sector: "XXII", tariffCode: "2101.11.01", description: "Café soluble", unit: 1, totalVolume: 12500.4, domesticVolume: 9000, exportVolume: 3000 }],
    };
    const fields = capturedFields(doc, evaluate(doc, "2025-04-10"), 0)!;
    expect(Object.fromEntries(fields.filter((f) => f.key.startsWith("goods.")).map((f) => [f.key, f.value]))).toEqual({
      "goods.1.sector": "XXII", "goods.1.tariffCode": "21011101", "goods.1.description": "Café soluble", "goods.1.unit": "Kilogramo",
      "goods.1.totalVolume": 12500, "goods.1.domesticVolume": 9000, "goods.1.exportVolume": 3000,
    });
  });
  it("a block recorded in the earlier format (dotted fracción, «1 - Kilo») is not a correction of today's format", () => {
    expect(compareWithEvidence(oldBlock(), now())).toEqual([]);
  });
  it("a real change still is: another fracción, another unit, a new good", () => {
    expect(compareWithEvidence(oldBlock(), now({ "goods.1.tariffCode": "09011202", "goods.1.unit": "Pieza" })).map((c) => [c.key, c.said, c.shouldSay])).toEqual([
      ["goods.1.tariffCode", "0901.12.01", "09011202"],
      ["goods.1.unit", "1 - Kilo", "Pieza"],
    ]);
    const withSecond = [...now(), { key: "goods.2.sector", label: "Bien 2: sector", value: "XXII", source: null }];
    expect(compareWithEvidence(oldBlock(), withSecond).map((c) => c.key)).toEqual(["goods.2.sector"]);
  });
});
