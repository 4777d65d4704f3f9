/**
 * Excel date serials ⇄ ISO calendar dates (pure; no clock, no Office.js).
 *
 * 1900 date system (Excel's default): serial 1 = 1900-01-01 … 59 = 1900-02-28, **60 = the fictitious 1900-02-29**
 * that Excel keeps for Lotus 1-2-3 compatibility, 61 = 1900-03-01, and from there on serial = days since 1899-12-30.
 * 1904 date system (old Mac workbooks, `workbook.use1904DateSystem`): serial 0 = 1904-01-01.
 * A fractional serial carries a time of day; the date is its whole part. Excel's last date is 9999-12-31.
 */
import { dayNumber, fromDay, parseIsoDate, type IsoDate } from "../domain/dates";

/** Day number (days since 1970-01-01) of 1899-12-30, Excel's epoch for serials ≥ 61. */
const EPOCH_1900 = -25569;
/** Day number of 1904-01-01, serial 0 of the 1904 system. */
const EPOCH_1904 = -24107;
/** Serial of 9999-12-31 in each system. */
export const MAX_SERIAL_1900 = 2958465;
export const MAX_SERIAL_1904 = 2957003;
/** The serial Excel shows as 1900-02-29, a day that never existed. */
export const FICTITIOUS_LEAP_DAY_SERIAL = 60;

/**
 * The calendar date of an Excel serial, or null when the serial is not a date Excel can show as a real day
 * (not a finite number, below the first day, above 9999-12-31, or the fictitious 1900-02-29).
 */
export function serialToIso(serial: number, date1904 = false): IsoDate | null {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0 || whole > MAX_SERIAL_1904) return null;
    return fromDay(EPOCH_1904 + whole);
  }
  if (whole < 1 || whole > MAX_SERIAL_1900 || whole === FICTITIOUS_LEAP_DAY_SERIAL) return null;
  // Before the fictitious leap day every serial is one day "late" relative to the 1899-12-30 epoch.
  return fromDay(EPOCH_1900 + whole + (whole < FICTITIOUS_LEAP_DAY_SERIAL ? 1 : 0));
}

/** The Excel serial of a calendar date; throws RangeError for an invalid date or one the date system cannot hold. */
export function isoToSerial(iso: IsoDate, date1904 = false): number {
  if (!parseIsoDate(iso)) throw new RangeError(`Not an ISO date: ${String(iso)}`);
  const day = dayNumber(iso);
  if (date1904) {
    const serial = day - EPOCH_1904;
    if (serial < 0 || serial > MAX_SERIAL_1904) throw new RangeError(`Outside the 1904 date system: ${iso}`);
    return serial;
  }
  const serial = day - EPOCH_1900;
  if (serial <= FICTITIOUS_LEAP_DAY_SERIAL) {
    // 1900-01-01 … 1900-02-28 sit one serial lower than the epoch arithmetic gives.
    const early = serial - 1;
    if (early < 1) throw new RangeError(`Before the 1900 date system: ${iso}`);
    return early;
  }
  if (serial > MAX_SERIAL_1900) throw new RangeError(`Outside the 1900 date system: ${iso}`);
  return serial;
}
