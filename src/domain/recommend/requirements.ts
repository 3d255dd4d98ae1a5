// The requirement vocabulary of the recommender: what a caller can ask for, and the defaults
// that turn a partial RequirementsInput into complete Requirements.
import type { KnowledgeSnapshot, ServiceTypeName, Source } from "../knowledge.js";
import { compareVersions } from "../lifecycle.js";
import type { ClarifyingQuestion } from "./clarify.js";
import { newestKubernetesVersion, normalizeKubernetesVersion } from "../versions.js";

export const CLIENTS = ["IN_CLUSTER", "PRIVATE_NETWORK", "INTERNET", "LOCAL_DEVELOPER"] as const;
export const PROTOCOLS = ["HTTP", "HTTPS", "GRPC", "TCP", "UDP", "SCTP", "TLS"] as const;
export const BACKENDS = ["PODS", "EXTERNAL_HOSTNAME", "EXTERNAL_IP", "OTHER_NAMESPACE_SERVICE"] as const;
export const ENVIRONMENTS = ["CLOUD", "BARE_METAL", "LOCAL"] as const;
export const LOAD_BALANCERS = ["AUTO", "CLOUD_CONTROLLER", "BARE_METAL_IMPLEMENTATION", "EXTERNAL_APPLIANCE", "NONE"] as const;
export const ROUTING = ["PATH", "HOST", "HEADER", "GRPC_METHOD", "WEIGHTED_SPLIT", "REWRITE_OR_REDIRECT", "MIRROR", "SNI"] as const;
export const TLS_MODES = ["NONE", "TERMINATE_AT_EDGE", "PASSTHROUGH"] as const;
export const LOCALITIES = ["NONE", "SAME_NODE_ONLY", "PREFER_SAME_NODE", "PREFER_SAME_ZONE"] as const;
export const NETWORKING_OPTIONS = [
  "CLUSTER_IP",
  "HEADLESS_SERVICE",
  "NODE_PORT",
  "LOAD_BALANCER",
  "EXTERNAL_NAME",
  "SELECTORLESS_SERVICE",
  "INGRESS",
  "GATEWAY_HTTP_ROUTE",
  "GATEWAY_GRPC_ROUTE",
  "GATEWAY_TLS_ROUTE",
  "GATEWAY_TCP_ROUTE",
  "GATEWAY_UDP_ROUTE",
  "NO_SERVICE",
] as const;

export type Clients = (typeof CLIENTS)[number];
export type Protocol = (typeof PROTOCOLS)[number];
export type Backend = (typeof BACKENDS)[number];
export type Environment = (typeof ENVIRONMENTS)[number];
export type LoadBalancerImplementation = (typeof LOAD_BALANCERS)[number];
export type Routing = (typeof ROUTING)[number];
export type TlsMode = (typeof TLS_MODES)[number];
export type Locality = (typeof LOCALITIES)[number];
export type NetworkingOption = (typeof NETWORKING_OPTIONS)[number];

export const BOOLEAN_FLAGS = [
  "preserveClientIp",
  "perPodAddressing",
  "stickySessions",
  "staticExternalIp",
  "dualStack",
  "noNodePorts",
  "multiTenantRouting",
  "minimizeCost",
  "standardPorts",
] as const;
export type BooleanFlag = (typeof BOOLEAN_FLAGS)[number];

/** The GraphQL input `ServiceRequirementsInput`: only `clients` is required. */
export interface RequirementsInput extends Partial<Record<BooleanFlag, boolean | null>> {
  clients: Clients;
  protocols?: readonly Protocol[] | null;
  backend?: Backend | null;
  environment?: Environment | null;
  loadBalancer?: LoadBalancerImplementation | null;
  exposedServices?: number | null;
  routing?: readonly Routing[] | null;
  tls?: TlsMode | null;
  locality?: Locality | null;
  fixedClusterIp?: string | null;
  allowedSourceRanges?: readonly string[] | null;
  loadBalancerClass?: string | null;
  kubernetesVersion?: string | null;
  name?: string | null;
  namespace?: string | null;
  servicePort?: number | null;
  targetPort?: number | null;
  externalHostname?: string | null;
  externalIp?: string | null;
}

/** Requirements with every default applied; optional fields stay null when not given. */
export interface Requirements extends Record<BooleanFlag, boolean> {
  clients: Clients;
  protocols: Protocol[];
  backend: Backend;
  environment: Environment;
  loadBalancer: LoadBalancerImplementation;
  exposedServices: number;
  routing: Routing[];
  tls: TlsMode;
  locality: Locality;
  fixedClusterIp: string | null;
  allowedSourceRanges: string[];
  loadBalancerClass: string | null;
  kubernetesVersion: string;
  name: string;
  namespace: string | null;
  servicePort: number;
  targetPort: number;
  externalHostname: string | null;
  externalIp: string | null;
}

export interface Reason {
  readonly text: string;
  readonly sources: readonly Source[];
}

export interface SpecSetting {
  /** Path inside the Service manifest, e.g. "spec.externalTrafficPolicy". */
  readonly path: string;
  readonly value: string;
  readonly why: string;
}

export interface RecommendedOption {
  readonly option: NetworkingOption;
  readonly serviceType: ServiceTypeName | null;
  readonly score: number;
  readonly reasons: readonly Reason[];
  readonly settings: readonly SpecSetting[];
  readonly manifest: string;
  readonly conceptSlug: string | null;
}

export interface RejectedOption {
  readonly option: NetworkingOption;
  readonly reason: string;
  readonly sources: readonly Source[];
}

export interface Recommendation {
  readonly best: RecommendedOption;
  readonly alternatives: readonly RecommendedOption[];
  readonly rejected: readonly RejectedOption[];
  readonly warnings: readonly string[];
  readonly summary: string;
}

export interface InterpretedQuestion {
  readonly requirements: RequirementsInput;
  readonly assumptions: readonly string[];
  readonly unrecognized: readonly string[];
}

export interface QuestionRecommendation {
  readonly requirements: Requirements & { readonly assumptions: readonly string[]; readonly unrecognized: readonly string[] };
  readonly recommendation: Recommendation;
  /** Requirements the question left unknown or contradictory that would change the answer (empty: a confident answer). */
  readonly clarifyingQuestions: readonly ClarifyingQuestion[];
}

/**
 * The newest Kubernetes version the knowledge base mentions in any lifecycle, never older than
 * the floor in the rules: a caller who names no version gets advice for a current cluster.
 */
export function newestKnownKubernetesVersion(knowledge: KnowledgeSnapshot, floor: string): string {
  const newest = newestKubernetesVersion(knowledge.concepts);
  return compareVersions(newest, floor) > 0 ? newest : floor;
}

export interface Placeholders {
  readonly name: string;
  readonly servicePort: number;
  readonly targetPort: number;
}

/** What the backend itself speaks: TLS is gone when it is terminated at the edge. */
export function backendProtocol(protocol: Protocol, tls: TlsMode): Protocol {
  return protocol === "HTTPS" && tls === "TERMINATE_AT_EDGE" ? "HTTP" : protocol;
}

/** Assumes the input is already validated (see validate.ts). */
export function applyDefaults(input: RequirementsInput, defaultVersion: string, placeholders: Placeholders): Requirements {
  const protocols: Protocol[] = input.protocols?.length ? [...new Set(input.protocols)] : ["HTTP"];
  const tls = input.tls ?? "NONE";
  // A backend that serves only TLS listens on the TLS ports by convention, not on 80/8080.
  const tlsOnly = protocols.every((p) => backendProtocol(p, tls) === "HTTPS" || p === "TLS");
  const defaultServicePort = tlsOnly ? 443 : placeholders.servicePort;
  const defaultTargetPort = tlsOnly ? 8443 : placeholders.targetPort;
  // Spelled out rather than built with Object.fromEntries: the rules read these objects on every
  // request, and a literal keeps them in V8's fast property mode.
  return {
    preserveClientIp: input.preserveClientIp ?? false,
    perPodAddressing: input.perPodAddressing ?? false,
    stickySessions: input.stickySessions ?? false,
    staticExternalIp: input.staticExternalIp ?? false,
    dualStack: input.dualStack ?? false,
    noNodePorts: input.noNodePorts ?? false,
    multiTenantRouting: input.multiTenantRouting ?? false,
    minimizeCost: input.minimizeCost ?? false,
    standardPorts: input.standardPorts ?? false,
    clients: input.clients,
    protocols,
    backend: input.backend ?? "PODS",
    environment: input.environment ?? "CLOUD",
    loadBalancer: input.loadBalancer ?? "AUTO",
    exposedServices: input.exposedServices ?? 1,
    routing: [...new Set(input.routing ?? [])],
    tls,
    locality: input.locality ?? "NONE",
    fixedClusterIp: input.fixedClusterIp ?? null,
    allowedSourceRanges: [...(input.allowedSourceRanges ?? [])],
    loadBalancerClass: input.loadBalancerClass ?? null,
    kubernetesVersion: normalizeKubernetesVersion(input.kubernetesVersion) ?? defaultVersion,
    name: input.name ?? placeholders.name,
    namespace: input.namespace ?? null,
    servicePort: input.servicePort ?? defaultServicePort,
    // An external backend listens where it listens: without a targetPort, assume no remapping.
    targetPort: input.targetPort ?? ((input.backend ?? "PODS") === "PODS" ? defaultTargetPort : (input.servicePort ?? defaultServicePort)),
    externalHostname: input.externalHostname ?? null,
    externalIp: input.externalIp ?? null,
  };
}

/** Facts computed from several fields, so rules can name them like ordinary requirements. */
export interface DerivedFacts {
  /** Clients use a different port from the one the backend listens on. */
  readonly portRemapping: boolean;
  /** One Service would need both TCP and UDP (or SCTP) ports. */
  readonly mixedProtocols: boolean;
  /** Clients outside the cluster (private network or internet). */
  readonly externalClients: boolean;
}

const L4: Record<Protocol, "TCP" | "UDP" | "SCTP"> = {
  HTTP: "TCP",
  HTTPS: "TCP",
  GRPC: "TCP",
  TCP: "TCP",
  TLS: "TCP",
  UDP: "UDP",
  SCTP: "SCTP",
};

export function l4Protocol(protocol: Protocol): "TCP" | "UDP" | "SCTP" {
  return L4[protocol];
}

export function deriveFacts(r: Requirements): DerivedFacts {
  return {
    portRemapping: r.servicePort !== r.targetPort,
    mixedProtocols: new Set(r.protocols.map(l4Protocol)).size > 1,
    externalClients: r.clients === "INTERNET" || r.clients === "PRIVATE_NETWORK",
  };
}
