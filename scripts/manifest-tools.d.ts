export interface ProductionSettings {
  url: string;
  id: string;
}
export const DEV_URL: string;
export function normalizeBaseUrl(url: unknown): string;
export function productionSettings(env?: Record<string, string | undefined>): ProductionSettings;
export function manifestId(xml: string): string;
export function toProductionManifest(xml: string, settings?: ProductionSettings): string;
export const DEV_NAMESPACE: string;
export const PROD_NAMESPACE: string;
export function manifestNamespace(xml: string): string;
