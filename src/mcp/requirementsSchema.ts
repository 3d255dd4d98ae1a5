// The MCP input schema of recommend_service_type: GraphQL's ServiceRequirementsInput as zod, with
// the schema's descriptions, so the SDK publishes the same contract as JSON Schema. Keep the texts
// in step with schema.graphql (test/mcp/requirementsSchema.test.ts compares them).
import { z } from "zod";
import {
  BACKENDS,
  CLIENTS,
  ENVIRONMENTS,
  LOAD_BALANCERS,
  LOCALITIES,
  PROTOCOLS,
  ROUTING,
  TLS_MODES,
  type RequirementsInput,
} from "../domain/recommend/requirements.js";

/** What each enum value means, as schema.graphql describes it. */
export const ENUM_VALUE_DESCRIPTIONS = {
  ClientScope: {
    IN_CLUSTER: "Pods inside the same cluster.",
    PRIVATE_NETWORK: "Machines outside the cluster on the same private network or VPC.",
    INTERNET: "Clients on the public internet.",
    LOCAL_DEVELOPER: "A developer's laptop reaching a development cluster (kubectl port-forward and friends).",
  },
  TrafficProtocol: {
    HTTP: "Plain HTTP/1.1 or HTTP/2.",
    HTTPS: "HTTP over TLS.",
    GRPC: "gRPC (HTTP/2). kube-proxy balances per connection, so a plain Service pins a client's calls to one Pod.",
    TCP: "Any other TCP protocol (databases, brokers, custom protocols).",
    UDP: "UDP (DNS, games, VoIP, QUIC).",
    SCTP: "SCTP; needs network-plugin support, and most cloud load balancers do not carry it.",
    TLS: "TLS that is not HTTP (e.g. Kafka or PostgreSQL over TLS), passed to the backend encrypted.",
  },
  BackendLocation: {
    PODS: "Pods selected by label (the usual case).",
    EXTERNAL_HOSTNAME: "A server outside the cluster with a DNS name (`externalHostname`).",
    EXTERNAL_IP: "A server outside the cluster known only by IP (`externalIp`).",
    OTHER_NAMESPACE_SERVICE: "An existing Service in another namespace.",
  },
  ClusterEnvironment: {
    CLOUD: "A managed or self-managed cluster on a cloud with a cloud controller (EKS, GKE, AKS...).",
    BARE_METAL: "Own hardware or VMs without a cloud provider integration.",
    LOCAL: "A local development cluster such as kind or minikube.",
  },
  LoadBalancerSupport: {
    AUTO: "Derived from `environment`: a cloud controller on CLOUD, none on BARE_METAL or LOCAL.",
    CLOUD_CONTROLLER: "A cloud provider's load-balancer controller.",
    BARE_METAL_IMPLEMENTATION: "MetalLB or a similar in-cluster implementation (also cloud-provider-kind or minikube tunnel on a local cluster).",
    EXTERNAL_APPLIANCE: "An appliance you configure yourself (F5, HAProxy) in front of the nodes; it needs node ports.",
    NONE: "Nothing: a LoadBalancer Service would stay pending.",
  },
  RoutingNeed: {
    PATH: "Different backends by URL path.",
    HOST: "Different backends by HTTP Host header (virtual hosts).",
    HEADER: "Different backends by HTTP header, portably (Gateway API; Ingress only via controller annotations).",
    GRPC_METHOD: "Different backends by gRPC service and method (GRPCRoute).",
    WEIGHTED_SPLIT: "Weighted splitting between backends (canary, blue-green).",
    REWRITE_OR_REDIRECT: "Path or host rewrites and redirects.",
    MIRROR: "Copying requests to a second backend whose responses are discarded.",
    SNI: "Routing TLS connections by server name without decrypting them (TLSRoute).",
  },
  TlsHandling: {
    NONE: "No TLS, or TLS handled end to end by the application without routing needs.",
    TERMINATE_AT_EDGE: "The entry point terminates TLS with a certificate stored in Kubernetes.",
    PASSTHROUGH: "Encrypted bytes go to the backend untouched (e.g. mutual TLS at the backend).",
  },
  LocalityPreference: {
    NONE: "No preference: any ready endpoint in the cluster.",
    SAME_NODE_ONLY: "Only endpoints on the client's node (internalTrafficPolicy: Local); traffic is dropped when the node has none.",
    PREFER_SAME_NODE:
      "Prefer the client's node, fall back elsewhere (trafficDistribution: PreferSameNode; alpha 1.33, beta and on by default 1.34, GA 1.35). Before 1.34 no default setting prefers the node.",
    PREFER_SAME_ZONE:
      "Prefer the client's zone, fall back elsewhere (trafficDistribution: PreferSameZone; alpha 1.33, beta and on by default 1.34, GA 1.35). Before 1.34 the same preference is written PreferClose (beta and on by default from 1.31), now a deprecated alias of PreferSameZone.",
  },
} as const satisfies Record<string, Record<string, string>>;

/** The descriptions of ServiceRequirementsInput's fields, as schema.graphql has them. */
export const FIELD_DESCRIPTIONS = {
  clients: "Who connects to the workload. Required.",
  protocols: "Application protocols the clients speak. Default: [HTTP]. Must not be empty.",
  backend: "What answers the traffic. Default: PODS.",
  environment: "Where the cluster runs. Default: CLOUD.",
  loadBalancer: "Which load-balancer implementation exists. Default: AUTO (derived from `environment`).",
  exposedServices: "How many Services must be published this way (at least 1). Many external HTTP Services favour one shared Gateway or Ingress. Default: 1.",
  routing: "Request-routing features needed. Default: none.",
  tls: "Where TLS is handled. Default: NONE.",
  preserveClientIp: "Backends must see the client's source IP (externalTrafficPolicy: Local for NodePort/LoadBalancer). Default: false.",
  perPodAddressing: "Clients must discover or reach individual Pods (StatefulSet peers, client-side balancing): a headless Service. Default: false.",
  stickySessions: "Connections from one client should keep reaching the same Pod (sessionAffinity: ClientIP). Default: false.",
  staticExternalIp: "The external address must be fixed in advance and survive re-creation. Default: false.",
  dualStack: "Serve IPv4 and IPv6 clients (ipFamilyPolicy: PreferDualStack). Default: false.",
  noNodePorts: "No node ports may be opened: rules out NodePort and sets allocateLoadBalancerNodePorts: false on a LoadBalancer. Default: false.",
  multiTenantRouting: "Several teams attach their own routes to a shared entry point owned by a platform team. Default: false.",
  minimizeCost: "Keep billable external infrastructure (one cloud load balancer per Service) to a minimum. Default: false.",
  standardPorts: "Clients must use well-known ports such as 53, 80 or 443, which rules out NodePort (30000-32767 by default). Default: false.",
  locality: "Whether in-cluster traffic should stay on the client's node or zone. Default: NONE.",
  fixedClusterIp: "A specific cluster IP (`spec.clusterIP`); must be inside the cluster's service range and cannot be changed later.",
  allowedSourceRanges: "Client CIDRs allowed to reach a LoadBalancer (`spec.loadBalancerSourceRanges`), e.g. [\"203.0.113.0/24\"]. Ignored, with a warning, for other options.",
  loadBalancerClass: "A non-default load-balancer implementation (`spec.loadBalancerClass`), a label-style name such as `example.com/internal-vip`. LoadBalancer only; immutable.",
  kubernetesVersion: "The cluster's Kubernetes minor version, e.g. \"1.30\" (also \"v1.30\" or \"1.30.2\"). Fields not enabled by default in that version are left out with a warning. Default: the newest version the knowledge base knows (1.37).",
  name: "Service name for the manifests: an RFC 1123 label (lowercase letters, digits and dashes, at most 63 characters) from Kubernetes 1.36, where a leading digit became allowed; an RFC 1035 label (starting with a letter) before 1.36. Default: my-app.",
  namespace: "Namespace for the manifests. Default: none (metadata.namespace is omitted).",
  servicePort: "Port clients connect to. Default: 443 when the backend serves only TLS (HTTPS not terminated at the edge, or TLS), otherwise 80.",
  targetPort: "Port the backend listens on. Default for Pods: 8443 when they serve only TLS, otherwise 8080; for other backends, `servicePort` (no remapping).",
  externalHostname: "The external backend's DNS name (lowercase RFC 1123) for backend EXTERNAL_HOSTNAME; an IP address here is an error.",
  externalIp: "The external backend's IP address, required for backend EXTERNAL_IP; loopback and link-local addresses are rejected.",
} as const;

/** " Values: A: meaning. B: meaning." for an enum, appended to the field's description. */
function values(type: keyof typeof ENUM_VALUE_DESCRIPTIONS): string {
  const entries = Object.entries(ENUM_VALUE_DESCRIPTIONS[type]).map(([value, meaning]) => `${value}: ${meaning}`);
  return ` Values: ${entries.join(" ")}`;
}

/** The fields as a zod raw shape, the form McpServer.registerTool takes as `inputSchema`. */
export const requirementsShape = {
  clients: z.enum(CLIENTS).describe(FIELD_DESCRIPTIONS.clients + values("ClientScope")),
  protocols: z.array(z.enum(PROTOCOLS)).optional().describe(FIELD_DESCRIPTIONS.protocols + values("TrafficProtocol")),
  backend: z.enum(BACKENDS).optional().describe(FIELD_DESCRIPTIONS.backend + values("BackendLocation")),
  environment: z.enum(ENVIRONMENTS).optional().describe(FIELD_DESCRIPTIONS.environment + values("ClusterEnvironment")),
  loadBalancer: z.enum(LOAD_BALANCERS).optional().describe(FIELD_DESCRIPTIONS.loadBalancer + values("LoadBalancerSupport")),
  exposedServices: z.number().int().optional().describe(FIELD_DESCRIPTIONS.exposedServices),
  routing: z.array(z.enum(ROUTING)).optional().describe(FIELD_DESCRIPTIONS.routing + values("RoutingNeed")),
  tls: z.enum(TLS_MODES).optional().describe(FIELD_DESCRIPTIONS.tls + values("TlsHandling")),
  preserveClientIp: z.boolean().optional().describe(FIELD_DESCRIPTIONS.preserveClientIp),
  perPodAddressing: z.boolean().optional().describe(FIELD_DESCRIPTIONS.perPodAddressing),
  stickySessions: z.boolean().optional().describe(FIELD_DESCRIPTIONS.stickySessions),
  staticExternalIp: z.boolean().optional().describe(FIELD_DESCRIPTIONS.staticExternalIp),
  dualStack: z.boolean().optional().describe(FIELD_DESCRIPTIONS.dualStack),
  noNodePorts: z.boolean().optional().describe(FIELD_DESCRIPTIONS.noNodePorts),
  multiTenantRouting: z.boolean().optional().describe(FIELD_DESCRIPTIONS.multiTenantRouting),
  minimizeCost: z.boolean().optional().describe(FIELD_DESCRIPTIONS.minimizeCost),
  standardPorts: z.boolean().optional().describe(FIELD_DESCRIPTIONS.standardPorts),
  locality: z.enum(LOCALITIES).optional().describe(FIELD_DESCRIPTIONS.locality + values("LocalityPreference")),
  fixedClusterIp: z.string().optional().describe(FIELD_DESCRIPTIONS.fixedClusterIp),
  allowedSourceRanges: z.array(z.string()).optional().describe(FIELD_DESCRIPTIONS.allowedSourceRanges),
  loadBalancerClass: z.string().optional().describe(FIELD_DESCRIPTIONS.loadBalancerClass),
  kubernetesVersion: z.string().optional().describe(FIELD_DESCRIPTIONS.kubernetesVersion),
  name: z.string().optional().describe(FIELD_DESCRIPTIONS.name),
  namespace: z.string().optional().describe(FIELD_DESCRIPTIONS.namespace),
  servicePort: z.number().int().optional().describe(FIELD_DESCRIPTIONS.servicePort),
  targetPort: z.number().int().optional().describe(FIELD_DESCRIPTIONS.targetPort),
  externalHostname: z.string().optional().describe(FIELD_DESCRIPTIONS.externalHostname),
  externalIp: z.string().optional().describe(FIELD_DESCRIPTIONS.externalIp),
};

export const requirementsSchema = z
  .object(requirementsShape)
  .describe("What a workload needs from its network entry point. Only `clients` is required; defaults are given per field.");

export type RequirementsArguments = z.infer<typeof requirementsSchema>;

/** Compile-time proof that every parsed argument object is a valid RequirementsInput. */
export const toRequirementsInput = (args: RequirementsArguments): RequirementsInput => args;
