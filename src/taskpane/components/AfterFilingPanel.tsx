/**
 * After filing (issue #13): «Marcar como presentado», the correction letter and change-notice drafts. Loaded on
 * demand. Each button is one operation (one read, one write); the result or the reason shows under the buttons, and
 * the issues the pane lists are refreshed after a marking.
 */
import { Body1, Button, Caption1, Checkbox, Divider, Field, Input, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { AfterFilingOutcome, LocatedIssue, PaneOperations } from "../operations";
import { describeError } from "../errors";
import { pick, type Strings } from "../strings";
import { parseDayFirstDate } from "../../domain/dates";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface AfterFilingPanelProps {
  strings: Strings;
  operations: Pick<PaneOperations, "markFiled" | "letter">;
  /** The issues after a marking (the pane's list follows the workbook). */
  onIssues(issues: LocatedIssue[]): void;
}

type Message = { intent: "success" | "warning" | "error"; text: string };


export default function AfterFilingPanel({ strings, operations, onIssues }: AfterFilingPanelProps) {
  const s = strings.afterFiling;
  const styles = useStyles();
  const [form, setForm] = useState({ filedOn: "", folio: "", program: "", preparedBy: "", reviewedBy: "", row: "" });
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [errors, setErrors] = useState<{ filedOn?: string; folio?: string }>({});
  const set = (key: keyof typeof form) => (_: unknown, data: { value: string }) => setForm({ ...form, [key]: data.value });

  const act = async (label: string, work: () => Promise<AfterFilingOutcome>, done: (o: Extract<AfterFilingOutcome, { ok: true }>) => string) => {
    setBusy(label);
    setMessage(null);
    try {
      const o = await work();
      // The engine words each reason and note in both languages; the pane shows its own.
      if (!o.ok) setMessage({ intent: "warning", text: pick(strings, o.reason, o.reasonEn) });
      else setMessage({ intent: "success", text: [done(o), ...(strings.lang === "en" ? o.notesEn : o.notes)].join(" ") });
    } catch (e) {
      // Office's own errors (a protected sheet, edit mode…) in the pane's words, the host's text as detail.
      const r = describeError(e, strings);
      setMessage({ intent: "error", text: r.detail ? `${r.message} (${r.detail})` : r.message });
    } finally {
      setBusy(null);
    }
  };

  const onMark = (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof errors = {};
    const filedOn = parseDayFirstDate(form.filedOn); // 28/05/2025 as accountants type it, or 2025-05-28
    if (filedOn === null) errs.filedOn = s.badDate;
    if (!form.folio.trim()) errs.folio = s.folioRequired;
    setErrors(errs);
    if (filedOn === null || Object.keys(errs).length || !operations.markFiled) return;
    const request = { filedOn, folio: form.folio.trim(), program: form.program, preparedBy: form.preparedBy, reviewedBy: form.reviewedBy, replace };
    void act(s.marking, () => operations.markFiled!(request), (o) => {
      if (o.issues) onIssues(o.issues);
      return o.block ? s.marked(o.block.number, o.block.program, o.block.folio) : "";
    });
  };

  const delivered = (o: Extract<AfterFilingOutcome, { ok: true }>) => (o.delivered?.how === "download" ? s.downloaded(o.delivered.file) : o.delivered ? s.writtenToSheet(o.delivered.sheet) : "");
  const onCorrection = () => operations.letter && void act(s.working, () => operations.letter!("correction", form.program.trim() ? { program: form.program.trim() } : {}), delivered);
  const onNotice = () => {
    const row = form.row.trim() ? Number(form.row) : undefined;
    if (row !== undefined && (!Number.isInteger(row) || row < 1)) return setMessage({ intent: "warning", text: s.noticeRow });
    if (operations.letter) void act(s.working, () => operations.letter!("notice", row === undefined ? {} : { row }), delivered);
  };

  const running = busy !== null;
  return (
    <section className={styles.root} aria-labelledby="after-filing-heading" aria-busy={running}>
      <Subtitle2 as="h2" id="after-filing-heading" style={{ margin: 0 }}>
        {s.title}
      </Subtitle2>
      <Caption1 className={styles.muted}>{s.intro}</Caption1>
      <form className={styles.row} onSubmit={onMark} noValidate>
        <Field label={s.filedOn} hint={s.filedOnHint} required validationState={errors.filedOn ? "error" : "none"} validationMessage={errors.filedOn}>
          <Input value={form.filedOn} onChange={set("filedOn")} placeholder="2025-05-28" autoComplete="off" name="filedOn" />
        </Field>
        <Field label={s.folio} required validationState={errors.folio ? "error" : "none"} validationMessage={errors.folio}>
          <Input value={form.folio} onChange={set("folio")} autoComplete="off" name="folio" />
        </Field>
        <Field label={s.program} hint={s.programHint}>
          <Input value={form.program} onChange={set("program")} autoComplete="off" name="program" />
        </Field>
        <Field label={s.preparedBy}>
          <Input value={form.preparedBy} onChange={set("preparedBy")} autoComplete="name" name="preparedBy" />
        </Field>
        <Field label={s.reviewedBy}>
          <Input value={form.reviewedBy} onChange={set("reviewedBy")} autoComplete="off" name="reviewedBy" />
        </Field>
        <Checkbox checked={replace} onChange={(_, d) => setReplace(d.checked === true)} label={s.replace} />
        <Button type="submit" appearance="primary" disabledFocusable={running || !operations.markFiled}>
          {s.mark}
        </Button>
      </form>
      <Divider />
      <div className={styles.row}>
        <Button onClick={onCorrection} disabledFocusable={running || !operations.letter}>
          {s.correction}
        </Button>
        <Caption1 className={styles.muted}>{s.correctionHint}</Caption1>
      </div>
      <div className={styles.row}>
        <Field label={s.noticeRow}>
          <Input value={form.row} onChange={set("row")} inputMode="numeric" autoComplete="off" name="noticeRow" />
        </Field>
        <Button onClick={onNotice} disabledFocusable={running || !operations.letter}>
          {s.notice}
        </Button>
        <Caption1 className={styles.muted}>{s.noticeHint}</Caption1>
      </div>
      <div role="status" aria-live="polite">
        {busy && <Body1>{busy}</Body1>}
        {message && (
          <MessageBar intent={message.intent} layout="multiline">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
