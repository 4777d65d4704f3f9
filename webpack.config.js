/**
 * Builds the Excel add-in into dist/: ONE taskpane.html (shared runtime) carrying three chunks —
 * functions (custom functions, registered at load, no React), commands (ribbon actions) and taskpane (React UI) —
 * plus functions.json (from the JSDoc of src/functions/functions.ts), manifest.xml, the icons and the help page.
 *
 *   npx webpack --mode production            production: office.js from Microsoft's CDN, manifest rewritten to
 *                                            ADDIN_URL (or package.json config.addin.prodUrl) and the prod <Id>
 *   npx webpack --mode development           development: manifest for https://localhost:3000 as is
 *   OFFICE_JS=local npx webpack …            local/test: office.js copied from node_modules and served from dist
 *   OFFICE_JS=both npx webpack …             tests: the shipping taskpane.html (CDN) AND taskpane-local.html (local
 *                                            office.js) over the same bundles, so one build serves every test
 *   npx webpack serve --mode development     https://localhost:3000 with office-addin-dev-certs
 *   … serve --env selfSignedCert             same, with a throwaway self-signed certificate (headless tests)
 */
"use strict";
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { LocalizedFunctionsPlugin } = require("./scripts/functions-locales"); // functions-es.json (Spanish names)
const { productionSettings, toProductionManifest } = require("./scripts/manifest-tools");

const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
/** office.js outside Office needs the mapping table next to it; the strings folders cover es-MX and en-US. */
const OFFICE_JS_LOCAL_FILES = ["office.js", "o15apptofilemappingtable.js", "es-mx/office_strings.js", "en-us/office_strings.js"];
const DEV_SERVER_PORT = 3000;
/** The fixed name of the functions bundle the manifest points at (Functions.Script.Url). */
const FUNCTIONS_SCRIPT = "functions.js";

/**
 * custom-functions-metadata-plugin also appends `CustomFunctions.associate(id, fn)` for every @customfunction to
 * the functions source through its own loader. src/functions/functions.ts registers explicitly (one map, tested in
 * jest), so that loader is dropped here to avoid registering every id twice (office.js logs "[DuplicatedName]").
 */
class ExplicitAssociationPlugin {
  apply(compiler) {
    const loader = require.resolve("custom-functions-metadata-plugin/lib/loader.js");
    compiler.hooks.compilation.tap("ExplicitAssociationPlugin", (compilation) => {
      webpack.NormalModule.getCompilationHooks(compilation).beforeLoaders.tap("ExplicitAssociationPlugin", (loaders) => {
        for (let i = loaders.length - 1; i >= 0; i--) if (loaders[i].loader === loader) loaders.splice(i, 1);
      });
    });
  }
}

/**
 * Every bundle is content-hashed (`functions.1a2b3c4d.js`): a page that Office cached from an older deploy then asks
 * for files that still exist, never for a same-named file of another version. The manifest's
 * `Functions.Script.Url` must stay a fixed URL, though (Excel ignores it under the shared runtime, but the schema
 * requires it and a host without the shared runtime would load it), so the functions bundle is also written under the
 * fixed name `functions.js`, served with `no-cache` like taskpane.html and functions.json (docs/addin.md).
 */
class FixedFunctionsScriptPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FixedFunctionsScriptPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FixedFunctionsScriptPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const chunk = [...compilation.chunks].find((c) => c.name === "functions");
          const file = chunk && [...chunk.files].find((f) => f.endsWith(".js"));
          if (!file) return;
          if (file !== FUNCTIONS_SCRIPT) compilation.emitAsset(FUNCTIONS_SCRIPT, compilation.getAsset(file).source, { minimized: true });
        },
      );
    });
  }
}

/**
 * Fails the build when the functions chunk pulls UI code: it is loaded headless on workbook open and must stay small
 * and register at once. (React, Fluent, Griffel, the scheduler and zod belong to the taskpane chunk only.)
 */
class FunctionsChunkGuardPlugin {
  apply(compiler) {
    const forbidden = /[\\/]node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel|zod)[\\/]/;
    compiler.hooks.thisCompilation.tap("FunctionsChunkGuardPlugin", (compilation) => {
      compilation.hooks.afterChunks.tap("FunctionsChunkGuardPlugin", (chunks) => {
        for (const chunk of chunks) {
          if (chunk.name !== "functions" && chunk.name !== "commands") continue;
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            const resource = module.resource || module.identifier();
            if (forbidden.test(resource)) {
              compilation.errors.push(new webpack.WebpackError(`The ${chunk.name} chunk must not include ${resource}`));
              break;
            }
          }
        }
      });
    });
  }
}

function swcRule(mode) {
  return {
    test: /\.[jt]sx?$/,
    exclude: /node_modules/,
    use: {
      loader: "swc-loader",
      options: {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          target: "es2020",
          transform: { react: { runtime: "automatic", development: mode === "development" } },
        },
        sourceMaps: true,
      },
    },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const dev = mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const officeJsMode = process.env.OFFICE_JS || env.OFFICE_JS;
  const officeJsLocal = officeJsMode === "local";
  const officeJsBoth = officeJsMode === "both";
  const prod = dev ? null : productionSettings();

  const copyPatterns = [
    { from: "assets/icon-*.png", to: "assets/[name][ext]" },
    { from: "src/taskpane/ayuda.html", to: "ayuda.html" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => (prod ? toProductionManifest(content.toString(), prod) : content),
    },
  ];
  if (officeJsLocal || officeJsBoth) {
    for (const file of OFFICE_JS_LOCAL_FILES) {
      // Already minified by Microsoft: keep it byte for byte (no Terser pass).
      copyPatterns.push({ from: path.join(OFFICE_JS_DIR, file), to: `office-js/${file}`, info: { minimized: true } });
    }
  }

  /** @type {import("webpack").Configuration} */
  const config = {
    mode,
    target: ["web", "es2020"],
    // No eval-based source maps: the page's CSP has no 'unsafe-eval'.
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Content-hashed, entries and lazily loaded chunks alike, so Office's aggressive web cache never mixes versions:
      // only taskpane.html, functions.json, manifest.xml and the functions.js alias keep fixed names (served
      // no-cache; hashed files immutable — docs/addin.md).
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [swcRule(mode)] },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new LocalizedFunctionsPlugin(),
      new ExplicitAssociationPlugin(),
      new FunctionsChunkGuardPlugin(),
      new FixedFunctionsScriptPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Registration first: functions, then commands, then the UI.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        templateParameters: { officeJsSrc: officeJsLocal ? "office-js/office.js" : OFFICE_JS_CDN },
      }),
      ...(officeJsBoth
        ? [
            new HtmlWebpackPlugin({
              filename: "taskpane-local.html",
              template: "./src/taskpane/taskpane.html",
              chunks: ["functions", "commands", "taskpane"],
              chunksSortMode: "manual",
              scriptLoading: "defer",
              templateParameters: { officeJsSrc: "office-js/office.js" },
            }),
          ]
        : []),
      new CopyWebpackPlugin({ patterns: copyPatterns }),
    ],
    devServer: {
      port: DEV_SERVER_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      client: { overlay: false },
    },
  };

  if (prod && /(^|\.)example\.(com|org|net)$/.test(new URL(prod.url).hostname)) {
    config.plugins.push({
      apply: (compiler) =>
        compiler.hooks.thisCompilation.tap("PlaceholderUrlWarning", (compilation) => {
          compilation.warnings.push(
            new webpack.WebpackError(`dist/manifest.xml points at the placeholder ${prod.url}: set ADDIN_URL (or package.json config.addin.prodUrl) to the real host.`),
          );
        }),
    });
  }

  if (serving) {
    if (env.selfSignedCert) {
      // Headless/CI (browser tests that ignore certificate errors): webpack-dev-server's own self-signed certificate,
      // so nothing is installed in the system's trust store. Excel will not trust it.
      config.devServer.server = "https";
    } else {
      // Installs (once, asking for sudo/admin) and trusts a localhost CA so Excel accepts https://localhost:3000.
      const devCerts = require("office-addin-dev-certs");
      config.devServer.server = { type: "https", options: await devCerts.getHttpsServerOptions() };
    }
  }
  return config;
};
