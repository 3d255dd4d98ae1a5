// Turns a plain-English question into requirements (no model, no network). Values with a shape
// of their own (addresses, CIDRs, hostnames, versions, ports, names, counts) are parsed here; the
// words people use for requirements and situations are content (prisma/content/interpretation/),
// read by phrases.ts with negation and scope. What stays unknown or contradictory is resolved to a
// default, said in `assumptions`, and left for clarify.ts to turn into a question back.
import { isIP } from "node:net";
import { validateQuestion } from "./validate.js";
import {
  compileInterpretation,
  LIST_FIELDS,
  readPhrases,
  SINGLE_FIELDS,
  tokenize,
  type FieldDefault,
  type FieldEntry,
  type Interpretation,
  type InterpretationEntry,
  type ListField,
  type Reading,
  type ReadingValue,
  type SingleField,
} from "./phrases.js";
import { BOOLEAN_FLAGS, type InterpretedQuestion, type RequirementsInput } from "./requirements.js";
import { normalizeKubernetesVersion } from "../versions.js";

type Mutable<T> = { -readonly [K in keyof T]?: T[K] };
type Values = Mutable<RequirementsInput>;

interface Extractor {
  readonly re: RegExp;
  readonly apply: (v: Values, m: RegExpMatchArray, notes: string[]) => void;
  /** Leaves the words for the phrase reader ("12 public HTTP services" still says public and HTTP). */
  readonly keep?: boolean;
  /** What the phrase reader sees instead of the match ("10%" reads as "percent"). */
  readonly replaceWith?: string;
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twenty: 20, dozen: 12,
};
const VAGUE_COUNTS: Record<string, number> = { several: 5, many: 10, multiple: 3, dozens: 24, hundreds: 100, all: 3 };

const X = (source: string, apply: Extractor["apply"], keep = false): Extractor => ({ re: new RegExp(source, "gi"), apply, keep });

// Values with a shape of their own. Each claims its text, so an IP inside a CIDR or a port inside
// a mapping is read once, and the phrase reader never sees the digits.
const EXTRACTORS: readonly Extractor[] = [
  // Shares of traffic are worded ("10 percent") for the phrase reader, which sees no symbols.
  { re: /\b\d{1,3} ?%/g, apply: () => undefined, replaceWith: " percent " },
  X(String.raw`\b\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\b`, (v, m) => void (v.allowedSourceRanges = [...new Set([...(v.allowedSourceRanges ?? []), m[0]])])),
  X(String.raw`\b\d{1,3}(?:\.\d{1,3}){3}\b`, (v, m) => {
    if (isIP(m[0]) === 4) v.externalIp = m[0];
  }),
  X(String.raw`\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|cloud|internal|example|co\.uk)\b`, (v, m) => void (v.externalHostname = m[0].toLowerCase())),
  // Kubernetes versions ("on 1.29", "k8s v1.30"), but not Gateway API releases.
  X(String.raw`(?<!gateway api\s?v?)(?<![\d./])v?1\.\d{1,2}(?:\.\d{1,2})?(?![\d.])`, (v, m) => {
    const version = normalizeKubernetesVersion(m[0]);
    if (version) v.kubernetesVersion = version;
  }),
  X(String.raw`\bport (\d{1,5}) (?:to|->|→) (?:port )?(\d{1,5})\b`, (v, m) => {
    v.servicePort = Number(m[1]);
    v.targetPort = Number(m[2]);
  }),
  X(String.raw`\b(?:listens|listening|runs|running) on (?:port )?(\d{1,5})\b`, (v, m) => void (v.targetPort = Number(m[1]))),
  X(String.raw`\b(?:on )?port (\d{1,5})\b`, (v, m) => void (v.servicePort = Number(m[1]))),
  X(String.raw`\b(?:called|named) (?!(?:by|from|with|in|on|at|to|for|it|and|or|via|only|directly|over|through|inside|outside)\b)([a-z][a-z0-9-]{0,62})\b`, (v, m) => void (v.name = m[1]?.toLowerCase())),
  // "in another namespace" names no namespace; the phrase reader reads it as a backend.
  X(String.raw`\bin (?:the )?(?!(?:another|other|different|separate|same|their|our|my|its|own|each|every|one|a|any)\b)([a-z0-9][a-z0-9-]{0,62}) namespace\b|\bnamespace (?!(?:per|for|of|and|or|is|are|was|to|in|on|at|by|with|that|which|where|owned|managed|run|called|named|we|they|it|but|so|as)\b)([a-z0-9][a-z0-9-]{0,62})\b`, (v, m) => {
    const ns = (m[1] ?? m[2])?.toLowerCase();
    if (ns) v.namespace = ns;
  }),
  X(
    String.raw`\b(\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a dozen|dozens of|several|many|multiple|hundreds of|all) (?:(?:of )?(?:our|my|the|these|those) )?(?:[a-z-]+ ){0,2}(?:micro)?(?:services|apps|applications|websites|sites|apis|backends|domains|hostnames)\b`,
    (v, m, notes) => {
      const word = (m[1] ?? "").toLowerCase().replace(/^a |\s*of$/g, "");
      const exact = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
      const count = exact ?? VAGUE_COUNTS[word] ?? 2;
      if (count > (v.exposedServices ?? 0)) v.exposedServices = count;
      if (exact === undefined) notes.push(`"${m[0]}" was read as ${count} services.`);
    },
    true,
  ),
];

/** Why a single field ended up with its value: read, guessed, defaulted, or in conflict. */
export type Settlement = "READ" | "HINTED" | "DEFAULT" | "CONFLICT" | "UNSURE";

export interface FieldReading {
  readonly field: SingleField;
  readonly value: string | undefined;
  readonly settlement: Settlement;
  /** Values still possible after exclusions and "one of" readings (all values when nothing was said). */
  readonly candidates: readonly string[];
  /** For CONFLICT: the values the question named against each other. */
  readonly conflicting: readonly string[];
}

/** The interpreted question plus, per single field, how settled it is (input of clarify.ts). */
export interface DetailedInterpretation extends InterpretedQuestion {
  readonly fields: ReadonlyMap<SingleField, FieldReading>;
}

interface SingleState {
  read: string[];
  hinted: string[];
  oneOf: Set<string> | null;
  excluded: Set<string>;
  unsure: boolean;
}

const WORD_RE = /[a-z][a-z0-9'+-]*[a-z0-9]/g;

// Words that carry no requirement; anything else left over is reported as unrecognized.
const FILLER = new Set(
  (
    "a an the and or but of to in on at by for from with without into onto under over via as is are be being been was were it its it's this that these those " +
    "i we you they my our your their me us them can could should would will shall must may might do does did need needs want wants like would " +
    "how what which where when why who whom best way ways right good recommended option options choose pick use using used make run running " +
    "expose exposing exposed publish publishing reach reachable accessible access serve serving send route routing traffic connect connections " +
    "service services microservice microservices kubernetes k8s cluster clusters app apps application applications workload workloads pod pods " +
    "only just also so then than there here all any some each every one two just please help set setup up out not no yes get keep keeping " +
    "type kind server servers backend backends frontend client clients users user external internal between across behind front same new old our " +
    "deploy deployed deployment running hosted host load balancer balancers balancing network networking " +
    "api apis other find call calls talk talks each never cannot can't don't doesn't isn't aren't won't without allowed have has had"
  ).split(" "),
);

export function interpretQuestion(question: string, entries: readonly InterpretationEntry[]): DetailedInterpretation {
  const text = validateQuestion(question);
  const interpretation = compileInterpretation(entries);
  const values: Values = {};
  const notes: string[] = [];

  // 1. Shaped values, blanked out of the text the phrase reader sees.
  let rest = text;
  for (const { re, apply, keep, replaceWith } of EXTRACTORS) {
    rest = rest.replace(re, (...args: unknown[]) => {
      const match = args.slice(0, -2).filter((a) => a === undefined || typeof a === "string") as string[];
      const m = Object.assign([...match], { index: 0, input: text }) as unknown as RegExpMatchArray;
      apply(values, m, notes);
      return keep ? match[0]! : (replaceWith ?? " ".repeat(match[0]!.length));
    });
  }

  // 2. Phrases, with negation and doubt.
  const tokens = tokenize(rest);
  const reading = readPhrases(interpretation, tokens);
  const singles = new Map<SingleField, SingleState>();
  const state = (f: SingleField) => {
    let s = singles.get(f);
    if (!s) singles.set(f, (s = { read: [], hinted: [], oneOf: null, excluded: new Set(), unsure: false }));
    return s;
  };
  const lists: Partial<Record<ListField, { add: string[]; hinted: string[]; drop: Set<string> }>> = {};
  const list = (f: ListField) => (lists[f] ??= { add: [], hinted: [], drop: new Set() });
  const flags: Partial<Record<string, boolean>> = {};

  const applyValue = (field: string, value: ReadingValue, strength: "read" | "hinted") => {
    if (field in SINGLE_FIELDS) {
      const s = state(field as SingleField);
      for (const v of Array.isArray(value) ? value : [value]) (strength === "read" ? s.read : s.hinted).push(String(v));
    } else if (field in LIST_FIELDS) {
      const l = list(field as ListField);
      for (const v of Array.isArray(value) ? value : [value]) (strength === "read" ? l.add : l.hinted).push(String(v));
    } else if (typeof value === "boolean" && (strength === "read" || flags[field] === undefined)) {
      // A flag read true anywhere stays true: "no node ports" and "node ports are fine" together keep the stricter reading.
      flags[field] = flags[field] === true || value;
    }
  };
  const applyReading = (r: Reading) => {
    for (const [f, v] of Object.entries(r.means ?? {})) if (v !== undefined) applyValue(f, v, "read");
    for (const [f, v] of Object.entries(r.hints ?? {})) if (v !== undefined) applyValue(f, v, "hinted");
    for (const [f, vs] of Object.entries(r.oneOf ?? {})) {
      if (!vs) continue;
      const s = state(f as SingleField);
      s.oneOf = s.oneOf ? new Set(vs.filter((v) => s.oneOf!.has(v))) : new Set(vs);
    }
    for (const [f, vs] of Object.entries(r.exclude ?? {})) {
      if (!vs) continue;
      if (f in LIST_FIELDS) for (const v of vs) list(f as ListField).drop.add(v);
      else for (const v of vs) state(f as SingleField).excluded.add(v);
    }
    if (r.note) notes.push(r.note);
  };
  for (const m of reading.matches) {
    if (m.unsure) {
      // Doubt ("not sure we have a load balancer") leaves the fields open, so they are asked about.
      for (const f of Object.keys({ ...m.entry.means, ...m.entry.hints, ...m.entry.oneOf })) if (f in SINGLE_FIELDS) state(f as SingleField).unsure = true;
      continue;
    }
    if (m.negated) {
      if (m.entry.negated) applyReading(m.entry.negated);
    } else applyReading(m.entry);
  }

  // 3. Lists and flags.
  for (const f of Object.keys(LIST_FIELDS) as ListField[]) {
    const l = lists[f];
    if (!l) continue;
    // Hinted values ("client certificates" suggest HTTPS) count only when nothing was named.
    const named = [...new Set(l.add)].filter((v) => !l.drop.has(v));
    const kept = named.length ? named : [...new Set(l.hinted)].filter((v) => !l.drop.has(v));
    if (kept.length) values[f] = kept as never;
  }
  for (const f of BOOLEAN_FLAGS) if (flags[f] !== undefined) values[f] = flags[f];

  // 4. Single fields: read, hinted, defaulted or in conflict.
  const fields = new Map<SingleField, FieldReading>();
  const order: SingleField[] = ["backend", "environment", "loadBalancer", "tls", "locality", "clients"];
  for (const field of order) {
    const result = settle(field, singles.get(field), interpretation, values, notes);
    fields.set(field, result);
    if (result.value !== undefined) (values as Record<string, unknown>)[field] = result.value;
  }

  // 5. Roles of shaped values that depend on the reading: an address is the backend's unless the
  // question wants to keep it as its own external address; a hostname is the backend's unless
  // the clients are outside (then it is the name they use).
  const setBackend = (backend: "EXTERNAL_IP" | "EXTERNAL_HOSTNAME") => {
    values.backend = backend;
    fields.set("backend", { field: "backend", value: backend, settlement: "READ", candidates: [backend], conflicting: [] });
  };
  const clients = values.clients!;
  const external = clients === "INTERNET" || clients === "PRIVATE_NETWORK";
  if (values.externalIp) {
    if (values.staticExternalIp && (external || fields.get("clients")!.settlement !== "READ")) {
      notes.push(`${values.externalIp} was read as the address clients already use; keep it with your load balancer's address pool or annotation, not spec.externalIPs.`);
      delete values.externalIp;
    } else if (!values.backend || values.backend === "PODS") setBackend("EXTERNAL_IP");
  }
  if (values.externalHostname && !values.backend) {
    if (external) notes.push(`${values.externalHostname} was read as the name clients use, not as a backend outside the cluster.`);
    else setBackend("EXTERNAL_HOSTNAME");
  }

  const input: RequirementsInput = { ...values, clients };
  const assumptions = [...notes];
  for (const f of fields.values()) if (f.settlement !== "READ") assumptions.push(...defaultNote(f, interpretation, input));
  if (!input.protocols?.length) assumptions.push("No protocol was named, so HTTP is assumed.");
  if (!input.environment) assumptions.push("No environment was named, so a cloud cluster with a cloud load-balancer controller is assumed.");
  if (!input.backend) assumptions.push("The backends are Pods selected by label.");
  if (!input.kubernetesVersion) assumptions.push("No Kubernetes version was named, so the newest version the knowledge base knows is assumed.");
  if (input.servicePort && input.servicePort < 1024 && (clients === "INTERNET" || clients === "PRIVATE_NETWORK")) {
    (input as { standardPorts?: boolean }).standardPorts = true;
    assumptions.push(`Clients must reach port ${input.servicePort}, which is outside the default NodePort range.`);
  }

  const unrecognized = [
    ...new Set(
      tokens.words
        .filter((w, i) => !reading.used[i] && w.length >= 3 && /^[a-z]/.test(w) && !FILLER.has(w))
        .flatMap((w) => w.match(WORD_RE) ?? []),
    ),
  ];
  return { requirements: input, assumptions: [...new Set(assumptions)], unrecognized, fields };
}

function settle(field: SingleField, s: SingleState | undefined, interpretation: Interpretation, values: Values, notes: string[]): FieldReading {
  const all = SINGLE_FIELDS[field] as readonly string[];
  const entry = interpretation.fields.get(field);
  let candidates = all.filter((v) => !s?.excluded.has(v) && (!s?.oneOf || s.oneOf.has(v)));
  const read = [...new Set(s?.read ?? [])];
  const pick = (vs: readonly string[]) => {
    if (vs.length <= 1 || !entry?.widest) return vs[vs.length - 1];
    return [...vs].sort((a, b) => entry.widest!.indexOf(a) - entry.widest!.indexOf(b))[vs.length - 1];
  };
  // Said to be one of some values ("we have a load balancer"), not merely ruled something out.
  const mentioned = s !== undefined && (s.oneOf !== null || s.hinted.length > 0);
  // Doubt leaves the field to the engine's own default (said in assumptions) and to a question back.
  if (s?.unsure && !read.length) return fallback(field, "UNSURE", candidates, entry, values, false);
  if (read.length) {
    const possible = read.filter((v) => candidates.includes(v));
    // Several readings are a conflict unless the field says how to combine them (clients: widest reach).
    const contradictory = possible.length < read.length || (possible.length > 1 && !entry?.widest);
    if (contradictory) {
      // Said and ruled out at once ("public, but never from the internet"): the ruling-out wins
      // for the answer given now, which is the safer reading, and the question is asked back.
      const conflicting = [...new Set(read)];
      const safe = possible.length > 0 ? pick(possible) : fallback(field, "CONFLICT", candidates.length ? candidates : [...all], entry, values, true).value;
      return { field, value: safe, settlement: "CONFLICT", candidates: [...new Set([...conflicting, ...candidates])], conflicting };
    }
    if (possible.length > 1) notes.push(`Several kinds of ${field} were named; advice is for the one that covers them all: ${pick(possible)}.`);
    return { field, value: pick(possible), settlement: "READ", candidates, conflicting: [] };
  }
  const hinted = [...new Set(s?.hinted ?? [])].filter((v) => candidates.includes(v));
  if (hinted.length) return { field, value: pick(hinted), settlement: "HINTED", candidates, conflicting: [] };
  if (candidates.length === 1) return { field, value: candidates[0], settlement: "READ", candidates, conflicting: [] };
  if (!candidates.length) candidates = [...all];
  return fallback(field, "DEFAULT", candidates, entry, values, mentioned, s?.oneOf != null);
}

function fallback(field: SingleField, settlement: Settlement, candidates: readonly string[], entry: FieldEntry | undefined, values: Values, mentioned: boolean, narrowed = false): FieldReading {
  // A question silent about the field leaves it to the engine's defaults, unless the field always needs one (clients).
  const silent = candidates.length === (SINGLE_FIELDS[field] as readonly string[]).length && !mentioned && settlement === "DEFAULT";
  const chosen = silent && !entry?.whenSilent ? undefined : entry?.defaults.find((d) => candidates.includes(d.value) && (!d.mentioned || mentioned) && defaultApplies(d, values));
  // Without a default of its own, a field narrowed by "one of" takes the first value left;
  // otherwise it is left to the engine's defaults (applyDefaults).
  const value = chosen?.value ?? (narrowed && settlement !== "UNSURE" ? candidates[0] : undefined);
  return { field, value, settlement, candidates, conflicting: [] };
}

function defaultApplies(d: FieldDefault, values: Values | RequirementsInput): boolean {
  return Object.entries(d.when ?? {}).every(([f, vs]) => vs?.includes(String((values as Record<string, unknown>)[f] ?? "")));
}

function defaultNote(f: FieldReading, interpretation: Interpretation, input: RequirementsInput): string[] {
  const entry = interpretation.fields.get(f.field);
  const d = entry?.defaults.find((x) => x.value === f.value && defaultApplies(x, input));
  if (f.settlement === "CONFLICT") return [`The question says contradictory things about ${f.field} (${f.conflicting.join(" and ")}); ${f.value} was assumed.`];
  if (f.settlement === "UNSURE" && f.value === undefined) return [`The question is not sure about ${f.field}; the default was assumed.`];
  if (d) return [d.assumption];
  if (f.settlement === "HINTED") return [`${f.field} was taken to be ${f.value} from the description.`];
  if (f.value !== undefined && f.settlement !== "READ") return [`${f.field} was assumed to be ${f.value}.`];
  return [];
}
