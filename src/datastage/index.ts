/** Data Stage adapter (Node): open ZIPs / folders / .asc files and read them into pedimento records. */
import { openSources } from "./sources";
import { readDeliveries, type DataStageRead } from "./read";

export { DataStageSourceError } from "./sources";
export type { DataStageRead } from "./read";

export async function readDataStage(paths: readonly string[]): Promise<DataStageRead> {
  return readDeliveries(await openSources(paths));
}
