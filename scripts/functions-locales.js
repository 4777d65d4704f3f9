/*
 * Spanish names of the RAOCE custom functions (issue #11 §4). Office localizes custom functions with one metadata
 * file per language (functions.json is the default; functions-es.json here) chosen through `<bt:Override Locale=…>`
 * on the Functions.Metadata.Url resource of the manifest. Only `name` changes: ids (what workbooks store) and the
 * RAOCE namespace stay the same, so a workbook written in Spanish Excel works in English Excel and back.
 * Used by webpack (LocalizedFunctionsPlugin emits functions-es.json next to functions.json) and by the tests.
 */
"use strict";

/** id → Spanish display name. Letters and periods only (Office's rule for names); no accents, to type them easily. */
const SPANISH_NAMES = Object.freeze({
  STATUS: "ESTADO",
  DEADLINE: "VENCIMIENTO",
  DAYSLEFT: "DIASRESTANTES",
  BALANCE: "SALDO",
  EXPORTSHARE: "PORCENTAJEEXPORTACION",
  USD: "DOLARES",
  COMMITMENT: "COMPROMISO",
  RFC: "RFC",
  BUSINESSDAYS: "DIASHABILES",
});

/** Spanish locales whose Excel gets the Spanish names (Office matches the Override locale to the UI language). */
const SPANISH_LOCALES = Object.freeze(["es-MX", "es-ES", "es-US", "es-419", "es-AR", "es-CO", "es-CL", "es-PE"]);

const LOCALIZED_FILE = "functions-es.json";

/** functions.json (object) → the Spanish metadata: same ids, parameters and options; Spanish `name`. */
function localizeMetadata(metadata, names = SPANISH_NAMES) {
  const functions = metadata.functions.map((f) => {
    const name = names[f.id];
    if (!name) throw new Error(`Falta el nombre en español de la función ${f.id} (scripts/functions-locales.js)`);
    return { ...f, name };
  });
  return { ...metadata, functions };
}

/** Emits functions-es.json from the functions.json the metadata plugin produced (same build, same ids). */
class LocalizedFunctionsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "LocalizedFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const localized = localizeMetadata(JSON.parse(asset.source.source().toString()));
        compilation.emitAsset(LOCALIZED_FILE, new sources.RawSource(JSON.stringify(localized, null, 2)));
      });
    });
  }
}

module.exports = { SPANISH_NAMES, SPANISH_LOCALES, LOCALIZED_FILE, localizeMetadata, LocalizedFunctionsPlugin };
