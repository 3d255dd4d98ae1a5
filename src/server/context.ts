// What every resolver receives. The knowledge snapshot is immutable and shared by all requests.
import type { Logger } from "pino";
import type { KnowledgeSnapshot } from "../domain/knowledge.js";

export interface Context {
  readonly knowledge: KnowledgeSnapshot;
  readonly requestId: string;
  readonly logger: Logger;
}
