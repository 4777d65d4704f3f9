/**
 * What the pane shows when it is opened outside Office (a plain browser, or a host other than Excel): an explanation
 * and how to sideload — never a blank page. Loaded on demand: inside Excel it is never needed.
 */
import { Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  steps: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export default function OutsideOffice({ strings }: { strings: Strings }) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="outside-title" data-testid="outside-office">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="outside-title">{strings.outsideTitle}</MessageBarTitle>
          {strings.outsideBody}
        </MessageBarBody>
      </MessageBar>
      <Subtitle2 as="h2" style={{ margin: 0 }}>
        {strings.outsideHowTitle}
      </Subtitle2>
      <ol className={styles.steps}>
        {strings.outsideSteps.map((s) => (
          <li key={s}>
            <Body1>{s}</Body1>
          </li>
        ))}
      </ol>
      <Caption1 className={styles.muted}>{strings.outsideMore}</Caption1>
    </section>
  );
}
