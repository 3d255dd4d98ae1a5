// How people phrase Kubernetes networking questions, mapped to the words the knowledge uses.
// Data only: phrases are matched on stemmed words, so "sticky sessions" also matches "sticky session".

export interface Expansion {
  /** Query phrases that trigger the expansion. */
  readonly when: readonly string[];
  /** Phrases added to the query. */
  readonly add: readonly string[];
  /** Weight of the added terms relative to a word the user typed. */
  readonly weight: number;
}

const e = (when: string[], add: string[], weight = 0.8): Expansion => ({ when, add, weight });

export const EXPANSIONS: readonly Expansion[] = [
  e(["svc", "svcs"], ["service"], 1),
  e(["k8s"], ["kubernetes"], 1),
  e(["lb", "elb", "nlb", "clb", "loadbalancer", "load balancing"], ["load balancer", "loadbalancer"]),
  e(["alb", "application load balancer"], ["load balancer", "ingress", "aws load balancer controller"], 0.7),
  e(["nodeport", "node port"], ["nodeport", "node port"], 1),
  e(["pending", "external ip pending", "stuck pending"], ["load balancer", "metallb", "cloud controller manager"], 0.6),
  e(["source ip", "client ip", "real ip", "remote address", "xff", "original ip", "caller ip"],
    ["externaltrafficpolicy", "external traffic policy", "source nat", "preserve client ip"], 0.7),
  e(["static ip", "fixed ip", "reserved ip", "reserve ip", "specific ip", "pin ip", "elastic ip"],
    ["loadbalancerip", "load balancer ip", "specific address", "pin address"], 0.6),
  e(["snat", "masquerade"], ["source nat"], 0.8),
  e(["ingress controller"], ["ingresscontroller", "ingress controller"], 1),
  e(["nginx"], ["ingress nginx", "ingressnginx"], 0.8),
  e(["l4", "layer 4", "layer4"], ["load balancer", "tcp", "service", "l4"], 0.5),
  e(["l7", "layer 7", "layer7"], ["ingress", "httproute", "gateway", "l7"], 0.5),
  e(["canary", "blue green", "traffic split", "traffic splitting", "weighted"],
    ["weighted traffic splitting", "weight", "httproute", "backendrefs"], 0.6),
  e(["sticky", "sticky session", "session persistence", "same pod"], ["session affinity", "sessionaffinity", "clientip"], 0.8),
  e(["port forward", "portforward", "tunnel to pod"], ["kubectl port forward", "portforward"], 0.8),
  e(["headless"], ["clusterip none", "headless service"], 0.6),
  e(["dns", "dns name", "hostname", "fqdn", "coredns", "kube dns"], ["dns", "service dns", "cluster dns"], 0.6),
  e(["grpc", "http2", "h2"], ["grpc", "grpcroute", "http2"], 0.7),
  e(["h2c"], ["appprotocol", "h2c", "http2"], 0.7),
  e(["mtls", "passthrough", "tls passthrough", "sni"], ["tlsroute", "passthrough", "sni routing"], 0.7),
  e(["bare metal", "baremetal", "on prem", "on premise", "on premises", "homelab"], ["metallb", "bare metal"], 0.8),
  e(["whitelist", "allowlist", "firewall", "restrict ip", "ip allow"],
    ["loadbalancersourceranges", "source ranges", "allowed client"], 0.7),
  e(["ssl", "https", "certificate", "cert", "certs"], ["tls"], 0.6),
  e(["stable network id", "stable network identity", "stable hostname", "pod hostname"],
    ["statefulset", "headless", "stable network identity"], 0.6),
  e(["external database", "external db", "external service", "external hostname"],
    ["externalname", "external backend", "without selector"], 0.5),
  e(["outside cluster", "outside the cluster", "another cluster", "legacy server"], ["external backend"], 0.5),
  // Backends known only by address are what selector-less Services with hand-made EndpointSlices are for.
  e(["ip outside", "outside ip", "ip address outside", "external backend ip", "static backend ip"],
    ["backend ips", "without selector", "endpointslice"], 0.7),
  e(["cross namespace", "another namespace", "other namespace"], ["referencegrant", "reference grant", "namespace"], 0.7),
  e(["zone", "same zone", "availability zone", "az", "zonal", "cross zone"],
    ["topology", "zone", "trafficdistribution", "prefersamezone"], 0.6),
  e(["dual stack", "dualstack", "ipv6", "ipv4"], ["ipfamilypolicy", "ip family", "dual stack"], 0.7),
  e(["health check", "healthcheck"], ["healthchecknodeport", "health check"], 0.7),
  e(["retire", "retired", "retirement", "eol", "end of life", "sunset", "archived"], ["retired", "deprecated", "retirement"], 0.7),
  e(["deprecated", "deprecation", "removed"], ["deprecated", "legacy"], 0.5),
  e(["api gateway"], ["gateway api"], 0.8),
  e(["path prefix", "prefix match"], ["pathprefix", "path match"], 0.7),
  e(["header", "headers", "route by header", "header match"], ["header match", "httproute"], 0.5),
  e(["proxy mode", "dataplane", "data plane"], ["kube proxy", "proxy mode"], 0.5),
  e(["internal lb", "private lb", "internal load balancer", "private load balancer"],
    ["internal load balancer", "internal lb"], 0.8),
  e(["endpoints"], ["endpointslice", "endpoints"], 0.5),
  e(["udp"], ["udp", "protocol"], 0.5),
  e(["expose"], ["external access", "service"], 0.4),
  e(["internet", "public", "outside world", "from outside", "publicly"], ["external access", "load balancer", "ingress"], 0.5),
  e(["local cluster", "kind", "minikube", "laptop", "localhost"], ["local cluster", "developer access"], 0.5),
];

/**
 * Question words and fillers. Removing them keeps "how do I keep the client IP" about the client IP;
 * a query made only of these keeps them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ("a an the and or but if of to in on at by for from with into onto over about as " +
    "how do does did doing done i me my we our us you your it its this that these those there here " +
    "is are was were be been being am can could should would will shall may might must " +
    "why what which who whom when where whats whys hows " +
    "between difference differences vs versus compared compare " +
    "get got use using used need want wants make makes some any all not no yes just only also " +
    "please help way ways best thing things work working works " +
    // "my app" is the user's workload; as a word it would only match appProtocol.
    "app apps " +
    // Every concept is about Kubernetes, so the word itself says nothing.
    "kubernetes k8s").split(" "),
);
