import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Input,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { normalizeText } from "../../domain/catalogs";
import { CONFIDENCE_WORDS, RULES_CATALOG } from "../../domain/rules-catalog";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  meta: { color: tokens.colorNeutralForeground3 },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, maxHeight: "60vh", overflowY: "auto" },
});

/** The rules catalog the product ships, searchable by id or words: every id a message or sheet shows is here. */
export function RulesDialog({ strings, initialQuery = "" }: { strings: Strings; initialQuery?: string }) {
  const styles = useStyles();
  const [query, setQuery] = useState(initialQuery);
  const en = strings.lang === "en";
  const shown = useMemo(() => {
    const q = normalizeText(query);
    if (q === "") return RULES_CATALOG;
    return RULES_CATALOG.filter((e) => normalizeText(e.id) === q || normalizeText([e.id, e.title, e.titleEn, e.es, e.en, e.basis].join(" ")).includes(q));
  }, [query]);
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="subtle">{strings.rulesOpen}</Button>
      </DialogTrigger>
      <DialogSurface aria-describedby="raoce-rules-intro">
        <DialogBody>
          <DialogTitle>{strings.rulesTitle}</DialogTitle>
          <DialogContent className={styles.content}>
            <Caption1 id="raoce-rules-intro">{strings.rulesIntro}</Caption1>
            <Input value={query} onChange={(_, d) => setQuery(d.value)} placeholder={strings.rulesFilter} aria-label={strings.rulesFilter} />
            {shown.length === 0 ? (
              <Body1 role="status">{strings.rulesNone}</Body1>
            ) : (
              <ul className={styles.list} aria-label={strings.rulesTitle}>
                {shown.map((e) => (
                  <li key={e.id} className={styles.item} data-rule={e.id}>
                    <Subtitle2 as="h3">{`${e.id} — ${en ? e.titleEn : e.title}`}</Subtitle2>
                    <Body1>{en ? e.en : e.es}</Body1>
                    <Caption1 className={styles.meta}>{`${strings.rulesBasis}: ${e.basis}. ${strings.rulesConfidence}: ${CONFIDENCE_WORDS[e.confidence][en ? "en" : "es"]}.`}</Caption1>
                  </li>
                ))}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{strings.rulesClose}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
