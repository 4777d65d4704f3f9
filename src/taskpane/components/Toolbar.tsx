import { Body1, Button, Caption1, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { Strings } from "../strings";

export type PaneAction = "insert" | "validate" | "calculate" | "settings" | "addRows";

export interface BusyState {
  action: PaneAction;
  /** What is happening now ("Leyendo el libro…"). */
  label: string;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  action: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  hint: { color: tokens.colorNeutralForeground3 },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface ToolbarProps {
  strings: Strings;
  busy: BusyState | null;
  settingsOpen: boolean;
  onInsert(): void;
  onValidate(): void;
  onCalculate(): void;
  onToggleSettings(): void;
}

interface ActionProps {
  label: string;
  hint: string;
  disabled: boolean;
  primary?: boolean;
  pressed?: boolean;
  onClick(): void;
}

function Action({ label, hint, disabled, primary, pressed, onClick }: ActionProps) {
  const styles = useStyles();
  const hintId = useId();
  return (
    <div className={styles.action}>
      <Button
        appearance={primary ? "primary" : "secondary"}
        aria-describedby={hintId}
        aria-pressed={pressed}
        // disabledFocusable keeps keyboard focus on the button while the action runs.
        disabledFocusable={disabled}
        onClick={onClick}
      >
        {label}
      </Button>
      <Caption1 id={hintId} className={styles.hint}>
        {hint}
      </Caption1>
    </div>
  );
}

/** The pane's three actions and the settings toggle; progress is announced in a live region while an action runs. */
export function Toolbar({ strings, busy, settingsOpen, onInsert, onValidate, onCalculate, onToggleSettings }: ToolbarProps) {
  const styles = useStyles();
  const running = busy !== null;
  return (
    <section className={styles.root} aria-label={strings.toolbarLabel} aria-busy={running}>
      <Action label={strings.insertTemplate} hint={strings.insertTemplateHint} disabled={running} onClick={onInsert} />
      <Action label={strings.validate} hint={strings.validateHint} disabled={running} onClick={onValidate} />
      <Action
        label={strings.calculate}
        hint={strings.calculateHint}
       
        disabled={running}
        primary
        onClick={onCalculate}
      />
      <Action
        label={strings.settings}
        hint={strings.settingsHint}
       
        disabled={running}
        pressed={settingsOpen}
        onClick={onToggleSettings}
      />
      <div className={styles.progress} role="status" aria-live="polite">
        {busy && (
          <>
            <Body1>{busy.label}</Body1>
            <ProgressBar thickness="medium" aria-label={busy.label} />
          </>
        )}
      </div>
    </section>
  );
}
