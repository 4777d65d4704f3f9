import fc from "fast-check";
import { isoToSerial, serialToIso, MAX_SERIAL_1900, MAX_SERIAL_1904 } from "../../src/workbook/serial-dates";

describe("serialToIso / isoToSerial — 1900 date system", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [366, "1900-12-31"],
    [367, "1901-01-01"],
    [36526, "2000-01-01"],
    [45658, "2025-01-01"],
    [45748, "2025-04-01"], // G1 opens
    [45807, "2025-05-30"], // G1 due
    [45898, "2025-08-29"], // G1 late until
    [45901, "2025-09-01"], // G1 cancelled
    [MAX_SERIAL_1900, "9999-12-31"],
  ])("serial %d ⇄ %s", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(serial);
  });

  it("serial 60 is the fictitious 1900-02-29 and has no real date", () => {
    expect(serialToIso(60)).toBeNull();
    expect(() => isoToSerial("1900-02-29")).toThrow(RangeError); // not a real date either
  });

  it("drops the time of day", () => {
    expect(serialToIso(45807.999)).toBe("2025-05-30");
    expect(serialToIso(45807.25)).toBe("2025-05-30");
  });

  it.each([0, -1, 0.5, MAX_SERIAL_1900 + 1, Number.NaN, Number.POSITIVE_INFINITY])("rejects serial %p", (s) => {
    expect(serialToIso(s)).toBeNull();
  });

  it("rejects non-numbers and invalid or out-of-range ISO dates", () => {
    expect(serialToIso("45807" as unknown as number)).toBeNull();
    expect(() => isoToSerial("2025-02-30")).toThrow(RangeError);
    expect(() => isoToSerial("1899-12-31")).toThrow(RangeError);
    expect(() => isoToSerial("30/05/2025")).toThrow(RangeError);
  });

  it("round-trips every serial except 60", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SERIAL_1900 }), (serial) => {
        fc.pre(serial !== 60);
        const iso = serialToIso(serial);
        expect(iso).not.toBeNull();
        expect(isoToSerial(iso as string)).toBe(serial);
      }),
    );
  });
});

describe("serialToIso / isoToSerial — 1904 date system", () => {
  it.each([
    [0, "1904-01-01"],
    [1, "1904-01-02"],
    [44345, "2025-05-30"], // 1462 days less than the 1900 serial
    [MAX_SERIAL_1904, "9999-12-31"],
  ])("serial %d ⇄ %s", (serial, iso) => {
    expect(serialToIso(serial, true)).toBe(iso);
    expect(isoToSerial(iso, true)).toBe(serial);
  });

  it("rejects dates before 1904 and negative serials", () => {
    expect(serialToIso(-1, true)).toBeNull();
    expect(() => isoToSerial("1903-12-31", true)).toThrow(RangeError);
  });

  it("differs from the 1900 system by 1462 days from 1900-03-01 on", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1462, max: MAX_SERIAL_1904 }), (s1904) => {
        const iso = serialToIso(s1904, true) as string;
        expect(isoToSerial(iso)).toBe(s1904 + 1462);
      }),
    );
  });
});
