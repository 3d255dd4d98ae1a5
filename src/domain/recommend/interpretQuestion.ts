// Turns a plain-English question into requirements with fixed patterns and vocabulary (no
// model, no network), and says what it assumed and which words it could not place.
import { isIP } from "node:net";
import { validateQuestion } from "./validate.js";
import { type Clients, type InterpretedQuestion, type Protocol, type RequirementsInput, type Routing } from "./requirements.js";
import { normalizeKubernetesVersion } from "../versions.js";

type Draft = { -readonly [K in keyof RequirementsInput]?: RequirementsInput[K] } & { clientHints: Clients[]; notes: string[]; exposed?: boolean };

interface Pattern {
  readonly re: RegExp;
  readonly apply: (d: Draft, m: RegExpMatchArray) => void;
  /** Claims its text so later patterns do not read it again (an IP inside a CIDR, a port inside a mapping). */
  readonly exclusive: boolean;
}

const add = <T>(list: readonly T[] | null | undefined, value: T): T[] => [...new Set([...(list ?? []), value])];
const protocol = (p: Protocol) => (d: Draft) => void (d.protocols = add(d.protocols, p));
const routing = (r: Routing) => (d: Draft) => void (d.routing = add(d.routing, r));
const clients = (c: Clients) => (d: Draft) => void d.clientHints.push(c);
const flag = (f: "preserveClientIp" | "perPodAddressing" | "stickySessions" | "staticExternalIp" | "dualStack" | "noNodePorts" | "multiTenantRouting" | "minimizeCost" | "standardPorts") => (d: Draft) =>
  void (d[f] = true);

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twenty: 20, dozen: 12,
};
const VAGUE_COUNTS: Record<string, number> = { several: 5, many: 10, multiple: 3, dozens: 24, hundreds: 100 };

const P = (source: string, apply: Pattern["apply"], exclusive = false): Pattern => ({ re: new RegExp(source, "gi"), apply, exclusive });
const X = (source: string, apply: Pattern["apply"]): Pattern => P(source, apply, true);

// Order matters only where patterns overlap: longer, more specific phrases first.
const PATTERNS: readonly Pattern[] = [
  // Addresses first, so their digits are not read as versions or ports.
  X(String.raw`\b\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}\b`, (d, m) => void (d.allowedSourceRanges = add(d.allowedSourceRanges, m[0]))),
  X(String.raw`\b\d{1,3}(?:\.\d{1,3}){3}\b`, (d, m) => {
    if (isIP(m[0]) !== 4) return;
    d.externalIp = m[0];
    d.backend = "EXTERNAL_IP";
  }),
  X(String.raw`\b(?:[a-z0-9-]+\.)+(?:com|net|org|io|dev|cloud|internal|example|co\.uk)\b`, (d, m) => {
    d.externalHostname = m[0].toLowerCase();
    d.backend ??= "EXTERNAL_HOSTNAME";
  }),
  X(String.raw`\b(?:another|other|different|separate) namespaces?\b`, (d) => void (d.backend = "OTHER_NAMESPACE_SERVICE")),
  P(String.raw`\b(?:rds|cloud sql|managed database|saas|third[- ]party api|external api)\b`, (d) => {
    d.backend ??= "EXTERNAL_HOSTNAME";
    d.protocols = add(d.protocols, "TCP");
  }),
  // Kubernetes versions ("on 1.29", "k8s v1.30"), but not Gateway API releases.
  X(String.raw`(?<!gateway api\s?v?)(?<![\d./])v?1\.\d{1,2}(?:\.\d{1,2})?(?![\d.])`, (d, m) => {
    const v = normalizeKubernetesVersion(m[0]);
    if (v) d.kubernetesVersion = v;
  }),
  X(String.raw`\bport (\d{1,5}) (?:to|->|→) (?:port )?(\d{1,5})\b`, (d, m) => {
    d.servicePort = Number(m[1]);
    d.targetPort = Number(m[2]);
  }),
  X(String.raw`\b(?:listens|listening|runs|running) on (?:port )?(\d{1,5})\b`, (d, m) => void (d.targetPort = Number(m[1]))),
  X(String.raw`\b(?:on )?port (\d{1,5})\b`, (d, m) => void (d.servicePort = Number(m[1]))),
  X(String.raw`\b(?:called|named) ([a-z][a-z0-9-]{0,62})\b`, (d, m) => void (d.name = m[1]?.toLowerCase())),
  X(String.raw`\bin (?:the )?([a-z0-9][a-z0-9-]{0,62}) namespace\b|\bnamespace ([a-z0-9][a-z0-9-]{0,62})\b`, (d, m) => void (d.namespace = (m[1] ?? m[2])?.toLowerCase())),
  P(String.raw`\b(\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|a dozen|dozens of|several|many|multiple|hundreds of) (?:(?:http|https|grpc|tcp|udp|web|backend|internal|public) )*(?:micro)?services\b`, (d, m) => {
    const word = (m[1] ?? "").toLowerCase().replace(/^a |\s*of$/g, "");
    const exact = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    d.exposedServices = exact ?? VAGUE_COUNTS[word] ?? 2;
    if (exact === undefined) d.notes.push(`"${m[1]}" services was read as ${d.exposedServices}.`);
  }),
  // Who connects.
  P(String.raw`\b(?:from|on) (?:my|our|a) (?:laptop|workstation|machine|desktop|computer)\b|\blocal(?:ly)? (?:dev|development|testing|debugging)\b|\bport[- ]forward(?:ing)?\b`, clients("LOCAL_DEVELOPER")),
  P(String.raw`\binternal(?:ly)?\b|\bvpc\b|\bprivate (?:network|subnet|clients)\b|\bcorporate network\b|\bintranet\b|\boffice network\b`, clients("PRIVATE_NETWORK")),
  P(String.raw`\b(?:the )?internet\b|\bpublic(?:ly)?\b|\bexternal (?:users|clients|customers)\b|\bcustomers\b|\bplayers\b|\bbrowsers?\b|\b(?:under )?(?:one|a single|the same) (?:domain|hostname)\b`, clients("INTERNET")),
  P(String.raw`\bin[- ]cluster\b|\binside the cluster\b|\bother pods\b|\bfrom pods\b|\bbetween (?:micro)?services\b|\bonly reachable at\b|\bmy pods\b`, clients("IN_CLUSTER")),
  // "Expose" without saying to whom usually means to the outside.
  P(String.raw`\bexpos(?:e|ed|ing)\b|\bpublish(?:ed|ing)?\b|\bfrom outside\b|\bexternally\b`, (d) => void (d.exposed = true)),
  // Protocols.
  P(String.raw`\bgrpc\b`, protocol("GRPC")),
  P(String.raw`\bhttps\b`, protocol("HTTPS")),
  P(String.raw`\bhttp(?:\/[12])?\b|\bweb ?(?:app|site|server|ui)s?\b|\brest(?:ful)? apis?\b|\bwebsites?\b|\bhttp apis?\b`, protocol("HTTP")),
  P(String.raw`\budp\b|\bgame servers?\b|\bvoip\b|\bquic\b|\bsyslog\b`, protocol("UDP")),
  P(String.raw`\bdns servers?\b`, (d) => {
    d.protocols = add(add(d.protocols, "UDP"), "TCP");
  }),
  P(String.raw`\bsctp\b`, protocol("SCTP")),
  P(String.raw`\btcp\b|\bdatabases?\b|\bpostgres(?:ql)?\b|\bmysql\b|\bredis\b|\bkafka\b|\bmongo(?:db)?\b|\bmqtt\b|\bsmtp\b|\bssh\b`, protocol("TCP")),
  // TLS.
  P(String.raw`\btls passthrough\b|\bpassthrough\b|\bend[- ]to[- ]end (?:tls|encryption)\b|\bmtls\b|\bmutual tls\b`, (d) => void (d.tls = "PASSTHROUGH")),
  P(String.raw`\bterminate tls\b|\btls termination\b|\bterminat(?:e|ing) (?:https|ssl)\b|\b(?:tls|ssl) certificates?\b|\blet'?s ?encrypt\b|\bcert-manager\b`, (d) => void (d.tls = "TERMINATE_AT_EDGE")),
  P(String.raw`\bsni\b`, routing("SNI")),
  // Routing.
  P(String.raw`\b(?:under )?(?:one|a single|the same) (?:domain|hostname)\b`, (d) => {
    d.routing = add(add(d.routing, "HOST"), "PATH");
  }),
  P(String.raw`\bpaths?\b|\burl prefix(?:es)?\b|\bfan-?out\b`, routing("PATH")),
  P(String.raw`\bsub-?domains?\b|\bhostnames\b|\bvirtual hosts?\b|\bhost-based\b`, routing("HOST")),
  P(String.raw`\bheaders?\b`, routing("HEADER")),
  P(String.raw`\bcanary\b|\bweight(?:s|ed)?\b|\btraffic split(?:ting)?\b|\bblue[- ]green\b|\ba\/b test(?:ing)?\b|\b\d{1,2} ?%`, routing("WEIGHTED_SPLIT")),
  P(String.raw`\brewrites?\b|\bredirects?\b`, routing("REWRITE_OR_REDIRECT")),
  P(String.raw`\bmirror(?:ing)?\b|\bshadow traffic\b`, routing("MIRROR")),
  P(String.raw`\b(?:grpc )?(?:per[- ])?methods?\b`, routing("GRPC_METHOD")),
  // Environment and load balancer implementation.
  P(String.raw`\baws\b|\beks\b|\bamazon\b|\bgcp\b|\bgke\b|\bgoogle cloud\b|\bazure\b|\baks\b|\bdigitalocean\b|\bdoks\b|\b(?:the |a )?cloud\b`, (d) => void (d.environment ??= "CLOUD")),
  P(String.raw`\bbare[- ]metal\b|\bon[- ]prem(?:ise|ises)?\b|\bhome ?lab\b|\bour own (?:servers|hardware)\b|\braspberry pis?\b`, (d) => void (d.environment = "BARE_METAL")),
  P(String.raw`\b(?:on|in|with|using) kind\b|\bkind cluster\b|\bminikube\b|\bk3d\b|\bdocker desktop\b|\blocal cluster\b`, (d) => void (d.environment = "LOCAL")),
  P(String.raw`\bmetallb\b|\bkube-vip\b|\bopenelb\b`, (d) => void (d.loadBalancer = "BARE_METAL_IMPLEMENTATION")),
  P(String.raw`\bno (?:external )?load ?balancer\b|\bwithout (?:a |an )?(?:external )?load ?balancer\b|\bno lb\b`, (d) => void (d.loadBalancer = "NONE")),
  P(String.raw`\bf5\b|\bhaproxy\b|\bnetscaler\b|\bhardware load ?balancer\b|\bour own load ?balancer\b|\bexternal (?:load ?balancer|appliance)\b`, (d) => void (d.loadBalancer = "EXTERNAL_APPLIANCE")),
  // Flags.
  P(String.raw`\b(?:client|source|real|original|visitor|caller)'?s? ip(?: address)?(?:es)?\b`, flag("preserveClientIp")),
  P(String.raw`\bstatefulsets?\b|\b(?:each|every|individual) pods?\b|\bper[- ]pod\b|\bpeers?\b|\bpeer discovery\b|\bpod ips\b`, flag("perPodAddressing")),
  P(String.raw`\bsticky(?: sessions?)?\b|\bsession affinity\b|\bsame (?:pod|backend|replica)\b`, flag("stickySessions")),
  P(String.raw`\b(?:static|fixed|reserved|elastic|stable|same) (?:external |public )?ip(?: address)?\b`, flag("staticExternalIp")),
  P(String.raw`\bipv6\b|\bdual[- ]stack\b`, flag("dualStack")),
  P(String.raw`\b(?:no|without) node ?ports?\b`, flag("noNodePorts")),
  P(String.raw`\bmulti[- ]tenan(?:t|cy)\b|\b(?:several|many|different|each) teams?\b`, flag("multiTenantRouting")),
  P(String.raw`\bcheap(?:er|ly)?\b|\bcosts?\b|\bbudget\b|\bsave money\b|\b(?:one|a single) load ?balancer\b`, flag("minimizeCost")),
  P(String.raw`\bstandard ports?\b|\bwell[- ]known ports?\b`, flag("standardPorts")),
  // Locality.
  P(String.raw`\bonly (?:on )?the same node\b|\bnode[- ]local only\b`, (d) => void (d.locality = "SAME_NODE_ONLY")),
  P(String.raw`\b(?:prefer )?(?:the )?same node\b|\bnode[- ]local\b`, (d) => void (d.locality ??= "PREFER_SAME_NODE")),
  P(String.raw`\b(?:the )?same zone\b|\bzone[- ]aware\b|\bcross[- ]zone\b|\btopology[- ]aware\b`, (d) => void (d.locality ??= "PREFER_SAME_ZONE")),
];

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
    "api apis other find call calls talk talks each"
  ).split(" "),
);

export function interpretQuestion(question: string): InterpretedQuestion {
  const text = validateQuestion(question);
  const d: Draft = { clientHints: [], notes: [] };
  const consumed = new Array<boolean>(text.length).fill(false);
  const claimed = new Array<boolean>(text.length).fill(false);
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (claimed.slice(start, end).some(Boolean)) continue;
      pattern.apply(d, m);
      consumed.fill(true, start, end);
      if (pattern.exclusive) claimed.fill(true, start, end);
    }
  }
  const leftover = text
    .split("")
    .map((c, i) => (consumed[i] ? " " : c))
    .join("")
    .toLowerCase()
    .match(/[a-z][a-z0-9'+-]*[a-z0-9]/g) ?? [];
  const unrecognized = [...new Set(leftover.filter((w) => w.length >= 3 && !FILLER.has(w.replace(/'s$/, ""))))];
  return finish(d, unrecognized);
}

const CLIENT_PRIORITY: readonly Clients[] = ["LOCAL_DEVELOPER", "PRIVATE_NETWORK", "INTERNET", "IN_CLUSTER"];

function finish(d: Draft, unrecognized: string[]): InterpretedQuestion {
  const assumptions = [...d.notes];
  const { clientHints, notes: _notes, exposed, ...rest } = d;
  const hinted = CLIENT_PRIORITY.find((c) => clientHints.includes(c));
  let chosenClients: Clients;
  if (hinted) chosenClients = hinted;
  else if (rest.backend && rest.backend !== "PODS") {
    chosenClients = "IN_CLUSTER";
    assumptions.push("The clients are Pods inside the cluster that call the external backend.");
  } else if (exposed || rest.environment === "BARE_METAL" || rest.loadBalancer || rest.exposedServices || rest.staticExternalIp) {
    chosenClients = "INTERNET";
    assumptions.push("The clients are outside the cluster, on the internet.");
  } else {
    chosenClients = "IN_CLUSTER";
    assumptions.push("No clients were named, so the clients are assumed to be Pods inside the cluster.");
  }
  if (hinted && new Set(clientHints).size > 1) {
    assumptions.push(`Several kinds of clients were mentioned; advice is for the most restrictive reach found: ${hinted}.`);
  }
  const input: RequirementsInput = { ...rest, clients: chosenClients };
  if (!input.protocols?.length) assumptions.push("No protocol was named, so HTTP is assumed.");
  if (!input.environment) assumptions.push("No environment was named, so a cloud cluster with a cloud load-balancer controller is assumed.");
  if (!input.backend) assumptions.push("The backends are Pods selected by label.");
  if (!input.kubernetesVersion) assumptions.push("No Kubernetes version was named, so the newest version the knowledge base knows is assumed.");
  if (input.servicePort && input.servicePort < 1024 && chosenClients !== "IN_CLUSTER" && chosenClients !== "LOCAL_DEVELOPER") {
    (input as { standardPorts?: boolean }).standardPorts = true;
    assumptions.push(`Clients must reach port ${input.servicePort}, which is outside the default NodePort range.`);
  }
  return { requirements: input, assumptions, unrecognized };
}
