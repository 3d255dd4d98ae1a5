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

/**
 * A class rather than an object literal with `get searchIndex()`: V8 gives every such literal its
 * own accessor pair in the old generation, so each request would leave garbage there that only a
 * full collection removes. No `#private` fields: Apollo copies the context for every operation
 * (Object.assign onto an object with the same prototype), and private fields are not copied.
 */
export class RequestContext implements Context {
  constructor(
    readonly knowledge: KnowledgeSnapshot,
    private readonly buildSearchIndex: () => SearchIndex,
    readonly requestId: string,
    readonly logger: Logger,
  ) {}

  get searchIndex(): SearchIndex {
    return this.buildSearchIndex();
  }
}
