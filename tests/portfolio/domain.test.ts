/**
 * §13 R58 (urgency), R59 (reminders), R60 (new year). Expected dates are derived by hand from the reference's rules
 * (R6–R12, R33) — last business days of 2025 checked with python3's datetime (30 May and 29 Aug 2025 are Fridays,
 * 30 Apr and 30 Jun 2025 a Wednesday and a Monday, 1 Sep 2025 an LFPA day) — never from the code's output.
 */
import ICAL from "ical.js";
import { evaluate } from "../../src/domain/evaluate";
import { summarizeIssues } from "../../src/domain/issues";
import { clientRows, needsAlert, sortRows, summarize } from "../../src/domain/portfolio/rows";
import { noticeReminder, programReminders, reminderUid, withinRange } from "../../src/domain/portfolio/reminders";
import { nextFilingYear } from "../../src/domain/portfolio/new-year";
import { URGENCY_CODES } from "../../src/domain/portfolio/urgency";
import { remindersIcs } from "../../src/workbook/reminders-ics";

const RFC = "SAT970701NN3";
function doc(programs: Record<string, unknown>[], asOf: string, figures = { totalSales: 1000, totalExports: 800, totalImports: 100 }) {
  return { company: { rfc: RFC, name: "Cliente, S.A. de C.V." }, filingYear: 2025, asOf, programs, figures };
}
const rowsOf = (d: ReturnType<typeof doc>, file = "c.xlsx") => {
  const r = evaluate(d, "2025-01-01");
  return clientRows({ file, result: r, summary: summarizeIssues(r.issues), stale: null });
};
const IMMEX = { type: "IMMEX", number: "1234-2015", authorizedOn: "2015-01-10" };

describe("R58 urgency", () => {
  const cases: [string, Record<string, unknown>, string, string, number | null][] = [
    // [what, program extra, asOf, urgency, days left]
    ["cancelled on 1 Sep (R7)", {}, "2025-09-01", "CANCELADO", null],
    ["suspended the day after the due date, days to the last late date (29 Aug)", {}, "2025-06-02", "SUSPENDIDO", 88],
    ["due Fri 30 May, 4 days away, not filed", {}, "2025-05-26", "VENCE_7_DIAS", 4],
    ["late filing 10 Jun: reactivation by 12 Jun has passed on 16 Jun", { filedOn: "2025-06-10" }, "2025-06-16", "VERIFICAR_REACTIVACION", 0],
    ["filed 20 May: correction letter until 27 May (5 business days)", { filedOn: "2025-05-20" }, "2025-05-22", "CARTA_CORRECCION", 5],
    ["due in 20 days", {}, "2025-05-10", "VENCE_30_DIAS", 20],
    ["due in 50 days", {}, "2025-04-10", "SIN_URGENCIA", 50],
  ];
  it.each(cases)("%s", (_what, extra, asOf, urgency, days) => {
    const [row] = rowsOf(doc([{ ...IMMEX, ...extra }], asOf));
    expect(row!.urgency).toBe(urgency);
    if (urgency === "VERIFICAR_REACTIVACION") expect(row!.reactivationBy).toBe("2025-06-12");
    else if (urgency === "CARTA_CORRECCION") expect(row!.nextDate).toBe("2025-05-27");
    if (days !== null && urgency !== "VERIFICAR_REACTIVACION") expect(row!.daysLeft).toBe(days);
  });

  it("errors that block VUCEM (b > a) rank after 'due within 7 days' and before 'due within 30 days'", () => {
    const bad = { totalSales: 100, totalExports: 500, totalImports: 0 };
    expect(rowsOf(doc([IMMEX], "2025-05-10", bad))[0]!.urgency).toBe("ERRORES");
    expect(rowsOf(doc([IMMEX], "2025-05-26", bad))[0]!.urgency).toBe("VENCE_7_DIAS");
  });

  it("a change notice due within 5 business days (R49) ranks with the correction letter; 16 Mar 2026 is an LFT Monday", () => {
    const r = evaluate({ ...doc([IMMEX], "2026-03-10"), filingYear: 2026 }, "2026-01-01");
    const at = (asOf: string) => clientRows({ file: "c.xlsx", result: { ...r, asOf }, summary: summarizeIssues(r.issues), stale: null, pendingNotices: ["2026-03-17"] })[0]!;
    // 10 Mar + 5 business days = 18 Mar (16 Mar skipped) ≥ 17 Mar; 5 Mar + 5 = 12 Mar < 17 Mar.
    expect(at("2026-03-10")).toMatchObject({ urgency: "CARTA_CORRECCION", nextStep: "notice", nextDate: "2026-03-17", daysLeft: 7 });
    expect(at("2026-03-05").urgency).toBe("SIN_URGENCIA");
  });

  it("ALTEX has no suspension: cancelled the day after its due date (R11, 31 May 2025)", () => {
    expect(rowsOf(doc([{ type: "ALTEX", number: "A-1", authorizedOn: "2015-01-10", exporterType: "DIRECTO" }], "2025-05-31"))[0]!.urgency).toBe("CANCELADO");
  });

  it("sorts by urgency then date, and the alert fires on suspended, cancelled or due within N days", () => {
    const rows = sortRows([
      ...rowsOf(doc([IMMEX], "2025-04-10"), "a.xlsx"),
      ...rowsOf(doc([IMMEX], "2025-06-02"), "b.xlsx"),
      ...rowsOf(doc([IMMEX], "2025-05-26"), "c.xlsx"),
    ]);
    expect(rows.map((r) => r.file)).toEqual(["b.xlsx", "c.xlsx", "a.xlsx"]);
    expect(URGENCY_CODES.indexOf(rows[0]!.urgency)).toBeLessThan(URGENCY_CODES.indexOf(rows[2]!.urgency));
    const s = summarize(rows, 1);
    expect(s).toMatchObject({ clients: 3, suspended: 1, atRiskThisWeek: 1, unusable: 1 });
    expect(needsAlert(rowsOf(doc([IMMEX], "2025-04-10")), 49)).toBe(false);
    expect(needsAlert(rowsOf(doc([IMMEX], "2025-04-10")), 50)).toBe(true);
    expect(needsAlert(rowsOf(doc([IMMEX], "2025-06-02")), 0)).toBe(true);
  });
});

function remindersFor(d: ReturnType<typeof doc>, filedOn: string | null = null) {
  const r = evaluate(d, "2025-01-01");
  return r.programs.flatMap((p) =>
    programReminders({ rfc: RFC, name: "Cliente", file: "c.xlsx", program: p.type, number: p.number, filingYear: 2025, deadlines: p.deadlines!, status: p.status!, filedOn, reactivationBy: p.reactivationBy, correctionBy: p.correctionBy, correctionBySafe: p.correctionBySafe }),
  );
}

/** Parses with ical.js (an independent parser) and returns kind → date of every event, plus the raw components. */
function parseBack(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    const start = e.startDate;
    return { uid: e.uid, summary: e.summary, date: start.toString(), isDate: start.isDate, status: v.getFirstPropertyValue("status"), alarms: v.getAllSubcomponents("valarm").map((a) => String(a.getFirstPropertyValue("trigger"))) };
  });
}

describe("R59 reminders, read back by ical.js", () => {
  const byTitle = (events: ReturnType<typeof parseBack>) => Object.fromEntries(events.map((e) => [e.summary.split(" · ")[1], e.date]));

  it("IMMEX 2025 not filed: opens 1 Apr, 7 days before 30 May, due, suspension 31 May, last late 29 Aug, cancelled 1 Sep", () => {
    const ev = parseBack(remindersIcs(remindersFor(doc([IMMEX], "2025-04-10")), { alarmDays: 3, stamp: new Date("2025-04-10T12:00:00Z") }));
    expect(byTitle(ev)).toEqual({
      "IMMEX abre la ventanilla del RAOCE 2025": "2025-04-01",
      "IMMEX vence en 7 días": "2025-05-23",
      "IMMEX vence hoy": "2025-05-30",
      "IMMEX suspendido si no se presentó": "2025-05-31",
      "IMMEX último día para presentar extemporáneo": "2025-08-29",
      "IMMEX se cancela si no se presentó": "2025-09-01",
    });
    for (const e of ev) {
      expect(e.isDate).toBe(true); // all-day
      expect(e.alarms).toEqual(["-P3D"]);
      expect(e.status).toBe("CONFIRMED");
    }
    expect(ev.find((e) => e.summary === `${RFC} · IMMEX vence hoy`)!.uid).toBe(reminderUid(RFC, "IMMEX", 2025, "due"));
  });

  it("PROSEC alone 2025: due 30 Apr, suspension 1 May, last late 30 Jun, cancelled 1 Jul (R8)", () => {
    const ev = parseBack(remindersIcs(remindersFor(doc([{ type: "PROSEC", number: "P-1", authorizedOn: "2015-01-10", sectors: ["XIX"] }], "2025-04-10")), { alarmDays: null, stamp: new Date(0) }));
    const t = byTitle(ev);
    expect(t["PROSEC vence hoy"]).toBe("2025-04-30");
    expect(t["PROSEC vence en 7 días"]).toBe("2025-04-23");
    expect(t["PROSEC suspendido si no se presentó"]).toBe("2025-05-01");
    expect(t["PROSEC último día para presentar extemporáneo"]).toBe("2025-06-30");
    expect(t["PROSEC se cancela si no se presentó"]).toBe("2025-07-01");
    expect(ev.every((e) => e.alarms.length === 0)).toBe(true);
  });

  it("late filing Fri 29 Aug 2025: reactivation Wed 3 Sep, correction letter Mon 8 Sep (1 Sep is an LFPA day); moot reminders cancelled", () => {
    const rems = remindersFor(doc([{ ...IMMEX, filedOn: "2025-08-29" }], "2025-08-30"), "2025-08-29");
    const ev = parseBack(remindersIcs(rems, { alarmDays: 1, stamp: new Date(0) }));
    const t = byTitle(ev);
    expect(t["IMMEX verificar reactivación"]).toBe("2025-09-03");
    expect(t["IMMEX último día para carta de corrección"]).toBe("2025-09-08");
    const cancelled = ev.find((e) => e.date === "2025-09-01")!;
    expect(cancelled.status).toBe("CANCELLED"); // cancellation on 1 Sep no longer applies
    expect(cancelled.alarms).toEqual([]);
    expect(ev.find((e) => e.date === "2025-05-30")!.status).toBe("CONFIRMED"); // history before the filing stays
  });

  it("UIDs are stable across runs and distinct per kind; --desde/--hasta filter by date", () => {
    const a = remindersFor(doc([IMMEX], "2025-04-10"));
    const b = remindersFor(doc([IMMEX], "2025-05-29"));
    expect(a.map((r) => r.uid)).toEqual(b.map((r) => r.uid));
    expect(new Set(a.map((r) => r.uid)).size).toBe(a.length);
    expect(withinRange(a, "2025-05-01", "2025-06-30").map((r) => r.date)).toEqual(["2025-05-23", "2025-05-30", "2025-05-31"]);
  });
});

describe("R49 change-notice reminder", () => {
  it("falls on the notice's deadline, stable UID, cancelled once the notice was sent", () => {
    const base = { rfc: RFC, name: "Cliente", file: "c.xlsx", what: "Domicilio fiscal", occurredOn: "2026-03-02", deadline: "2026-03-17", safeDeadline: "2026-03-16", notifiedOn: null, basis: "regla 1.3.12" };
    const a = noticeReminder(base);
    const b = noticeReminder({ ...base, notifiedOn: "2026-03-10" });
    expect(a).toMatchObject({ date: "2026-03-17", cancelled: false, kind: "notice" });
    expect(b.cancelled).toBe(true);
    expect(b.uid).toBe(a.uid);
    const ev = parseBack(remindersIcs([a], { alarmDays: 2, stamp: new Date(0) }));
    expect(ev).toEqual([expect.objectContaining({ date: "2026-03-17", isDate: true, summary: `${RFC} · aviso de cambio a la SE vence hoy` })]);
  });
});

describe("R60 next filing year", () => {
  it("carries company, programs and goods descriptions; clears figures, volumes, filing dates, folios, overrides", () => {
    const prev = {
      company: { rfc: RFC, name: "Cliente", consignment: true },
      filingYear: 2025,
      asOf: "2025-05-01",
      exchangeRate: 20.1,
      calendar: { extraNonBusinessDays: ["2025-04-17"] },
      programs: [
        { type: "PROSEC", number: "P-1", modality: "PRODUCTOR DIRECTO", authorizedOn: "2015-01-10", filedOn: "2025-04-20", folio: "123", sectors: ["XIX"], overrides: { due: "2025-05-02" } },
        { type: "IMMEX", number: "9-2010", authorizedOn: "2010-01-10", cancelledOn: "2024-10-01" },
        { type: "ALTEX", number: "A-1", authorizedOn: "2012-01-10", exporterType: "DIRECTO", filedOn: "2025-05-10" },
      ],
      figures: { totalSales: 1000, totalExports: 900, totalImports: 10, taxReturnIncome: 1000000 },
      goods: [{ sector: "XIX", tariffCode: "87089999", description: "Partes", unit: "Pieza", totalVolume: 10, domesticVolume: 4, exportVolume: 6 }],
      settings: { linkedProsecMayFromYear: 2024 },
    };
    const r = nextFilingYear(prev);
    expect(r.filingYear).toBe(2026);
    expect(r.doc).toEqual({
      company: { rfc: RFC, name: "Cliente", consignment: true },
      filingYear: 2026,
      programs: [
        { type: "PROSEC", number: "P-1", modality: "PRODUCTOR DIRECTO", authorizedOn: "2015-01-10", sectors: ["XIX"] },
        { type: "ALTEX", number: "A-1", authorizedOn: "2012-01-10", exporterType: "DIRECTO" },
      ],
      goods: [{ sector: "XIX", tariffCode: "87089999", description: "Partes", unit: "Pieza" }],
      settings: { linkedProsecMayFromYear: 2024 },
    });
    expect(r.notes.join(" ")).toMatch(/IMMEX 9-2010: cancelado el 2024-10-01; no se copia/);
  });
});
