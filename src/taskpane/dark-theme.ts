/** Fluent's dark theme in its own chunk: only loaded when Office runs dark. */
export { webDarkTheme } from "@fluentui/react-components";
