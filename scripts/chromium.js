/**
 * Where the browser tests find Chromium (tests/browser/harness.ts, scripts/ensure-chromium.js): env RAOCE_CHROMIUM
 * (a path), else the first of `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable` on PATH
 * (Debian's package installs /usr/bin/chromium). playwright-core never downloads a browser.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** { path } of the browser, or { path: null, reason }. */
function findChromium(env = process.env) {
  const explicit = env.RAOCE_CHROMIUM && env.RAOCE_CHROMIUM.trim();
  if (explicit) {
    return isExecutable(explicit) ? { path: explicit } : { path: null, reason: `RAOCE_CHROMIUM=${explicit} no es un ejecutable` };
  }
  for (const dir of (env.PATH || "").split(path.delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return { path: file };
    }
  }
  return { path: null, reason: `no hay ${NAMES.join(", ")} en el PATH` };
}

/** An executable of that name on PATH, or null. */
function onPath(name, env = process.env) {
  for (const dir of (env.PATH || "").split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}

module.exports = { findChromium, onPath, NAMES };
