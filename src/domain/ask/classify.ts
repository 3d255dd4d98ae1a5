// Sorts a question into the kind of answer it wants, with fixed patterns (no model).

export type QuestionKind = "RECOMMENDATION" | "LIFECYCLE" | "DEFINITION" | "OTHER";

export interface Classified {
  /** The two phrases compared, when the question reads as a comparison; tried first. */
  readonly comparison: { readonly phrases: readonly [string, string]; readonly explicit: boolean } | null;
  /** What to answer when it is no comparison (or its sides name no concepts). */
  readonly kind: QuestionKind;
  /** For DEFINITION: the phrase to explain; otherwise the whole question. */
  readonly subject: string;
}

const COMPARISON: readonly RegExp[] = [
  /\bdifferences?\s+between\s+(.+?)\s+and\s+(.+)$/i,
  /\bhow\s+(?:does|do|is|are)\s+(.+?)\s+(?:compare|compared|differ|different)\s+(?:with|to|from|against)\s+(.+)$/i,
  /\bcompare\s+(.+?)\s+(?:and|with|to|against|vs\.?|versus)\s+(.+)$/i,
  /^(.+?)\s+(?:vs\.?|versus|compared\s+(?:with|to))\s+(.+)$/i,
  // "What does an Ingress give me that a LoadBalancer Service does not?"
  /\bwhat\s+(?:does|do|can)\s+(?:an?\s+|the\s+)?(.+?)\s+(?:give|offer|add|provide|do)\b.*?\bthat\s+(?:an?\s+|the\s+)?(.+?)\s+(?:does\s*n[o']?t|doesn't|cannot|can't)\b/i,
  // "advantages of Gateway API over Ingress", "why would I use X instead of Y"
  /\b(?:advantages?|benefits?|pros)\s+of\s+(.+?)\s+(?:over|versus|vs\.?|compared\s+(?:with|to))\s+(.+)$/i,
  /\bwhy\s+(?:would|should)\s+(?:i|we|you)\s+(?:use|put|pick|choose)\s+(?:an?\s+)?(.+?)\s+(?:instead\s+of|rather\s+than|over)\s+(?:an?\s+)?(.+?)\??$/i,
];

/**
 * "X or Y" comparisons, only believed when both sides name concepts outright. A trailing context
 * ("... or Gateway API for a new cluster?") is not part of the second side.
 */
const CONTEXT = String.raw`(?:\s+(?:for|in|on|at|behind|when|if|with)\s+[^?]+)?\s*\?*$`;
const CHOICE: readonly RegExp[] = [
  new RegExp(String.raw`^(?:which\s+is\s+better|which\s+one|what\s+is\s+better)[,:]?\s+(.+?)\s+or\s+(.+?)` + CONTEXT, "i"),
  new RegExp(String.raw`\b(?:should\s+(?:i|we)\s+use|use|choose|pick)\s+(.+?)\s+or\s+(.+?)` + CONTEXT, "i"),
  new RegExp(String.raw`^(.+?)\s+or\s+(.+?)` + CONTEXT, "i"),
];

const RECOMMENDATION: readonly RegExp[] = [
  /\b(?:what|which)\b.*\b(?:should|do|can|must|would)\s+(?:i|we|you)\s+(?:use|pick|choose|create|deploy)\b/i,
  /\bwhich\s+(?:kind\s+of\s+|type\s+of\s+)?(?:service\s+type|service|type)\b/i,
  // "make" and "route" are left out: "how do I make sure...", "how do I route by header" ask how, not what.
  /\bhow\s+(?:do|can|should|would)\s+(?:i|we|you)\s+(?:expose|publish|reach|access|connect|serve|point|load[- ]balance|give)\b/i,
  /\brecommend/i,
  /\bbest\s+(?:way|option|choice|service|type)\b/i,
  /\bshould\s+(?:i|we)\s+use\b/i,
  /^(?:i|we)\s+(?:need|want|have)\b/i,
];

const LIFECYCLE: readonly RegExp[] = [
  /\bwhen\s+(?:was|were|did|is|will|does)\b.*\b(?:add|added|introduc\w*|releas\w*|deprecat\w*|remov\w*|graduat\w*|stable|ga|beta|alpha|available|land\w*|ship\w*|become|became|go|went)\b/i,
  /\b(?:which|what)\s+(?:kubernetes\s+|k8s\s+|gateway\s+api\s+)?(?:version|release)s?\b/i,
  /\bsince\s+(?:which|what|when)\b/i,
  /^(?:is|are|was|were|has|have)\b.*\b(?:deprecated|removed|stable|ga|generally\s+available|beta|alpha|still\s+supported|supported|available|going\s+away|retired)\b/i,
  /\b(?:available|supported)\s+(?:in|on|since)\s+(?:kubernetes\s+|k8s\s+)?v?1\.\d/i,
];

const DEFINITION: readonly RegExp[] = [
  /^(?:what|what's|whats)\s+(?:is|are)\s+(?:meant\s+by\s+)?(.+?)\??$/i,
  /^(?:what's|whats)\s+(.+?)\??$/i,
  /^what\s+(?:does|do)\s+(.+?)\s+(?:do|mean|does|stand\s+for)\??$/i,
  /^(?:explain|describe|define|tell\s+me\s+about|what\s+about|how\s+does)\s+(.+?)(?:\s+work)?\??$/i,
];

function comparison(q: string): Classified["comparison"] {
  for (const re of COMPARISON) {
    const m = re.exec(q);
    if (m?.[1] && m[2]) return { phrases: [m[1], m[2]], explicit: true };
  }
  for (const re of CHOICE) {
    const m = re.exec(q);
    if (m?.[1] && m[2] && m[1].split(" ").length <= 5 && m[2].split(" ").length <= 5) return { phrases: [m[1], m[2]], explicit: false };
  }
  return null;
}

/** "When should I use a headless Service?" asks what X is for, not for a recommendation. */
const USAGE = /^(?:when|why)\s+(?:should|would|do|does|can|might)\s+(?:i|we|you|one)\s+(?:use|need|want|choose|pick)\s+(?:an?\s+|the\s+)?(.+?)\??$/i;

export function classify(question: string): Classified {
  const q = question.trim().replace(/\s+/g, " ");
  const compared = comparison(q);
  const usage = USAGE.exec(q);
  if (usage?.[1] && !compared) return { comparison: null, kind: "DEFINITION", subject: usage[1] };
  if (RECOMMENDATION.some((re) => re.test(q))) return { comparison: compared, kind: "RECOMMENDATION", subject: q };
  if (LIFECYCLE.some((re) => re.test(q))) return { comparison: compared, kind: "LIFECYCLE", subject: q };
  for (const re of DEFINITION) {
    const m = re.exec(q);
    if (m?.[1]) return { comparison: compared, kind: "DEFINITION", subject: m[1] };
  }
  return { comparison: compared, kind: "OTHER", subject: q };
}
