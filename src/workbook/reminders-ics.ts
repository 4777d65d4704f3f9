/**
 * R59 reminders as an iCalendar file (RFC 5545) with ical-generator: all-day events on their Mexico City dates
 * (DATE values, no time zone: an all-day date is the same day wherever the calendar is opened), a display alarm N days
 * before, stable UIDs (re-importing updates instead of duplicating) and STATUS:CANCELLED for reminders a filing made
 * moot. Browser-safe (the task pane builds the same file for the open workbook).
 */
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { addDays, parseIsoDate, type IsoDate } from "../domain/dates";
import type { Reminder } from "../domain/portfolio/reminders";

export interface IcsOptions {
  /** Alarm this many days before each event (0 = on the day, at the start of the day); null = no alarm. */
  alarmDays: number | null;
  /** DTSTAMP of every event (the run's date). */
  stamp: Date;
  name?: string;
}

const utcDate = (iso: IsoDate): Date => {
  const d = parseIsoDate(iso)!;
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
};

export function remindersIcs(reminders: readonly Reminder[], opts: IcsOptions): string {
  const cal = ical({
    name: opts.name ?? "RAOCE — plazos de la cartera",
    prodId: { company: "RAOCE para Excel", product: "raoce", language: "ES" },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const r of [...reminders].sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid))) {
    const ev = cal.createEvent({
      id: r.uid,
      start: utcDate(r.date),
      end: utcDate(addDays(r.date, 1)),
      allDay: true,
      summary: r.title,
      description: r.description,
      stamp: opts.stamp,
      // A reminder the filing made moot is sent again as cancelled, with a higher sequence, so calendars drop it.
      sequence: r.cancelled ? 1 : 0,
      status: r.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
    if (opts.alarmDays !== null && !r.cancelled) {
      ev.createAlarm({ type: ICalAlarmType.display, trigger: opts.alarmDays * 86400, description: r.title });
    }
  }
  return cal.toString();
}
