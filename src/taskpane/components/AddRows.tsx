import { Button, Caption1, Field, Select, SpinButton, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";
import { GROWABLE_TABLES, type GrowableTable } from "../operations";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export const ADD_ROWS_MAX = 500;

export interface AddRowsProps {
  strings: Strings;
  disabled: boolean;
  onAdd(table: GrowableTable, rows: number): void;
}

/**
 * "Agregar filas": tblProgramas and tblBienes sit on protected sheets, and Excel does not let a table grow there; the
 * operation lifts the protection, adds the rows and restores the sheet's own protection.
 */
export function AddRows({ strings, disabled, onAdd }: AddRowsProps) {
  const styles = useStyles();
  const hintId = useId();
  const [table, setTable] = useState<GrowableTable>("tblBienes");
  const [rows, setRows] = useState(10);
  return (
    <section className={styles.root} aria-labelledby={`${hintId}-title`}>
      <Subtitle2 id={`${hintId}-title`}>{strings.addRowsTitle}</Subtitle2>
      <div className={styles.row}>
        <Field label={strings.addRowsTable}>
          <Select value={table} onChange={(_e, d) => setTable(d.value as GrowableTable)}>
            {GROWABLE_TABLES.map((t) => (
              <option key={t} value={t}>
                {strings.addRowsTables[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.addRowsCount}>
          <SpinButton
            value={rows}
            min={1}
            max={ADD_ROWS_MAX}
            onChange={(_e, d) => {
              const v = d.value ?? Number(d.displayValue);
              if (Number.isInteger(v) && v >= 1 && v <= ADD_ROWS_MAX) setRows(v);
            }}
          />
        </Field>
        <Button aria-describedby={hintId} disabledFocusable={disabled} onClick={() => onAdd(table, rows)}>
          {strings.addRowsButton}
        </Button>
      </div>
      <Caption1 id={hintId} className={styles.hint}>
        {strings.addRowsHint}
      </Caption1>
    </section>
  );
}
