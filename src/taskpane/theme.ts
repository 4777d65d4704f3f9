/**
 * Office's light/dark theme → a Fluent v9 theme. `Office.context.officeTheme` exists in Excel desktop and on the web
 * (not on every platform): when it is missing the pane stays light.
 */
import { webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance of "#rrggbb" (0 = black, 1 = white), or null when the color cannot be read. */
export function luminance(hex: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((hex ?? "").trim());
  if (!m) return null;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Dark when Office's body background is dark. */
export function isDarkOfficeTheme(theme: { bodyBackgroundColor?: string } | null | undefined): boolean {
  const l = luminance(theme?.bodyBackgroundColor);
  return l !== null && l < 0.3;
}

/** The Fluent theme for Office's theme; the dark one is loaded on demand (its tokens are a chunk of their own). */
export async function loadTheme(officeTheme: { bodyBackgroundColor?: string } | null | undefined): Promise<Theme> {
  if (!isDarkOfficeTheme(officeTheme)) return webLightTheme;
  // `as string`: see the note on lazy imports in App.tsx.
  return (await (import("./dark-theme" as string) as Promise<typeof import("./dark-theme")>)).webDarkTheme;
}
