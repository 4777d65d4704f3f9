export * from "./types";
export * from "./claves";
export * from "./pedimento-number";
export { reconcile, figureIssue, statusOf, statusText, thresholdMiles, applyExplanations } from "./reconcile";
export { fmtMiles, fmtPct } from "./text";
export { checkIntegrity, type IntegrityFacts } from "./integrity";
export { parseMateriality } from "./materiality";
