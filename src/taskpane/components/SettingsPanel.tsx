/**
 * Settings the pane edits — they live in the workbook's Empresa sheet. Loaded on demand (dynamic import) because most
 * sessions never open it.
 */
import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, Subtitle2, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { FormEvent } from "react";
import type { SettingsDraft, SettingsField } from "../settings-form";
import type { Strings } from "../strings";

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
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface SettingsPanelProps {
  strings: Strings;
  draft: SettingsDraft;
  errors: Partial<Record<SettingsField, string>>;
  /** Text of the exchange rate's source for the current draft (R24). */
  rateSource: string;
  dirty: boolean;
  busy: boolean;
  /** Shown after a successful save. */
  saved: boolean;
  onChange(draft: SettingsDraft): void;
  onSave(): void;
}

export default function SettingsPanel({ strings, draft, errors, rateSource, dirty, busy, saved, onChange, onSave }: SettingsPanelProps) {
  const styles = useStyles();
  const set = (key: keyof SettingsDraft) => (_: unknown, data: { value: string }) => onChange({ ...draft, [key]: data.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave();
  };
  const invalid = Object.keys(errors).length > 0;
  return (
    <form className={styles.root} aria-labelledby="settings-heading" onSubmit={submit} noValidate>
      <Subtitle2 as="h2" id="settings-heading" style={{ margin: 0 }}>
        {strings.settingsTitle}
      </Subtitle2>
      <Caption1 className={styles.muted}>{strings.settingsIntro}</Caption1>
      <Field
        label={strings.filingYear}
        hint={strings.filingYearHint}
        validationState={errors.filingYear ? "error" : "none"}
        validationMessage={errors.filingYear}
      >
        <Input value={draft.filingYear} onChange={set("filingYear")} inputMode="numeric" autoComplete="off" name="filingYear" />
      </Field>
      <Field label={strings.asOf} hint={strings.asOfHint} validationState={errors.asOf ? "error" : "none"} validationMessage={errors.asOf}>
        <Input value={draft.asOf} onChange={set("asOf")} placeholder="30/05/2026" autoComplete="off" name="asOf" />
      </Field>
      <Field
        label={strings.exchangeRate}
        hint={strings.exchangeRateHint}
        validationState={errors.exchangeRate ? "error" : "none"}
        validationMessage={errors.exchangeRate}
      >
        <Input value={draft.exchangeRate} onChange={set("exchangeRate")} inputMode="decimal" autoComplete="off" name="exchangeRate" />
      </Field>
      <Caption1 data-testid="rate-source" aria-live="polite">
        {rateSource}
      </Caption1>
      <Field
        label={strings.extraDays}
        hint={strings.extraDaysHint}
        validationState={errors.extraNonBusinessDays ? "error" : "none"}
        validationMessage={errors.extraNonBusinessDays}
      >
        <Textarea value={draft.extraNonBusinessDays} onChange={set("extraNonBusinessDays")} resize="vertical" rows={3} name="extraNonBusinessDays" />
      </Field>
      {dirty && !invalid && <Body1 role="status">{strings.settingsUnsaved}</Body1>}
      {saved && !dirty && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{strings.settingsSaved}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={busy || invalid || !dirty}>
          {strings.saveSettings}
        </Button>
      </div>
    </form>
  );
}
