/**
 * The pane's portfolio section (issue #11): *Nuevo ejercicio* (R60), *Insertar cartera* (the Cartera sheet) and the
 * reminders of this workbook as an .ics file to download or text to copy (R59). Its own busy and message state, so
 * App.tsx only places it.
 */
import { Body1, Button, Caption1, Field, MessageBar, MessageBarBody, MessageBarTitle, SpinButton, Subtitle1, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { describeError, type ReadableError } from "../errors";
import type { CalendarOutcome, PortfolioOperations } from "../portfolio-operations";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  title: { margin: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "end" },
  hint: { color: tokens.colorNeutralForeground3 },
});

interface Message {
  intent: "success" | "warning" | "info" | "error";
  title?: string;
  text: string;
}

export interface PortfolioPanelProps {
  strings: Strings;
  operations: PortfolioOperations;
  /** Another action of the pane is running. */
  disabled: boolean;
  /** Builds an object URL for a download (tests pass a fake; the browser's URL.createObjectURL otherwise). */
  objectUrl?: (blob: Blob) => string;
}

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

export function PortfolioPanel({ strings, operations, disabled, objectUrl = (b) => URL.createObjectURL(b) }: PortfolioPanelProps) {
  const s = strings.portfolio;
  const styles = useStyles();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [download, setDownload] = useState<{ href: string; name: string; label: string } | null>(null);
  const [calendar, setCalendar] = useState<CalendarOutcome | null>(null);
  const [alarmDays, setAlarmDays] = useState(3);

  const act = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    setMessage(null);
    setDownload(null);
    try {
      await work();
    } catch (e) {
      const r: ReadableError = describeError(e, strings);
      setMessage({ intent: "error", title: strings.errorTitle, text: r.detail ? `${r.message} (${r.detail})` : r.message });
    } finally {
      setBusy(null);
    }
  };

  const onNewYear = () =>
    act(s.busyNewYear, async () => {
      setCalendar(null);
      const r = await operations.newYear();
      const notes = r.notes.length ? ` ${r.notes.join(" ")}` : "";
      if (r.status === "opened") setMessage({ intent: "success", text: s.newYearOpened(r.filingYear) + notes });
      else {
        const href = objectUrl(new Blob([fromBase64(r.base64)], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
        setDownload({ href, name: r.fileName, label: s.downloadWorkbook(r.fileName) });
        setMessage({ intent: "info", text: s.newYearDownload(r.filingYear) + notes });
      }
    });

  const onCartera = () =>
    act(s.busyCartera, async () => {
      const r = await operations.insertCartera();
      if (r.status === "inserted") setMessage({ intent: "success", text: s.carteraInserted });
      else if (r.status === "clash") setMessage({ intent: "warning", text: s.carteraClash });
      else setMessage({ intent: "warning", text: s.carteraUnsupported(r.requirement) });
    });

  const onCalendar = () =>
    act(s.busyCalendar, async () => {
      const r = await operations.calendar(alarmDays);
      setCalendar(r);
      const href = objectUrl(new Blob([r.ics], { type: "text/calendar;charset=utf-8" }));
      setDownload({ href, name: r.fileName, label: s.downloadCalendar(r.fileName) });
      setMessage({ intent: "success", text: s.calendarReady(r.events) });
    });

  const onCopy = async () => {
    if (!calendar) return;
    try {
      await navigator.clipboard.writeText(calendar.ics);
      setMessage({ intent: "success", text: s.copied });
    } catch {
      setMessage({ intent: "info", text: s.copyManually });
    }
  };

  const off = disabled || busy !== null;
  return (
    <section className={styles.root} aria-labelledby="portfolio-title" aria-busy={busy !== null}>
      <Subtitle1 as="h2" id="portfolio-title" className={styles.title}>
        {s.title}
      </Subtitle1>
      <Caption1 className={styles.hint}>{s.intro}</Caption1>
      <div className={styles.row}>
        <Button disabledFocusable={off} onClick={() => void onNewYear()}>
          {s.newYear}
        </Button>
        <Button disabledFocusable={off} onClick={() => void onCartera()}>
          {s.insertCartera}
        </Button>
      </div>
      <Caption1 className={styles.hint}>{s.newYearHint}</Caption1>
      <div className={styles.row}>
        <Field label={s.alarmLabel}>
          <SpinButton min={0} max={60} value={alarmDays} onChange={(_, d) => setAlarmDays(Math.max(0, Math.min(60, Math.round(Number(d.value ?? d.displayValue ?? alarmDays)) || 0)))} />
        </Field>
        <Button disabledFocusable={off} onClick={() => void onCalendar()}>
          {s.calendar}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {busy && <Body1>{busy}</Body1>}
      </div>
      {message && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>
            {message.title && <MessageBarTitle>{message.title}</MessageBarTitle>}
            {message.text}
          </MessageBarBody>
        </MessageBar>
      )}
      {download && (
        <a href={download.href} download={download.name}>
          {download.label}
        </a>
      )}
      {calendar && (
        <>
          <Button onClick={() => void onCopy()}>{s.copy}</Button>
          <Field label={s.calendarText}>
            <Textarea readOnly value={calendar.ics} rows={4} resize="vertical" />
          </Field>
        </>
      )}
    </section>
  );
}
