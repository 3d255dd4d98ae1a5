// What every resolver receives. The knowledge snapshot is immutable and shared by all requests.
import type { Logger } from "pino";
import type { KnowledgeSnapshot } from "../domain/knowledge.js";
import type { SearchIndex } from "../domain/search/search.js";

export interface Context {
  readonly knowledge: KnowledgeSnapshot;
  /** Built once from the snapshot at start-up. */
  readonly searchIndex: SearchIndex;
  readonly requestId: string;
  readonly logger: Logger;
}
