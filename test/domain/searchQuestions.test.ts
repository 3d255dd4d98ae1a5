// Questions people really ask about Kubernetes networking, in their own words, each with the
// concept that answers it. The answer must be among the top three hits. When a question fails,
// fix the ranking (weights, vocabulary), never the expectation.
import { describe, expect, it } from "vitest";
import { contentToKnowledgeData } from "../../src/content/knowledgeData.js";
import { loadContent } from "../../src/content/load.js";
import { buildSearchIndex, search } from "../../src/domain/search/search.js";
import { buildSnapshot } from "../../src/domain/snapshot.js";

const index = buildSearchIndex(buildSnapshot(contentToKnowledgeData(loadContent(), new Date(0))));

/** [question, acceptable answers] */
const QUESTIONS: readonly (readonly [string, readonly string[]])[] = [
  ["why is my LoadBalancer EXTERNAL-IP pending", ["load-balancer", "metallb"]],
  ["service external ip stuck in pending on bare metal", ["metallb"]],
  ["difference between port and targetPort", ["target-port", "service-port"]],
  ["can a NodePort use port 80", ["node-port", "node-port-field"]],
  ["how do I keep the client IP", ["external-traffic-policy"]],
  ["pods see node ip instead of real client ip", ["source-nat", "external-traffic-policy"]],
  ["svc dns name", ["service-dns"]],
  ["expose grpc service", ["grpcroute", "grpc-load-balancing"]],
  ["grpc requests all go to one pod", ["grpc-load-balancing"]],
  ["canary deployment traffic split", ["httproute"]],
  ["sticky sessions", ["session-affinity"]],
  ["stateful set stable network id", ["statefulset"]],
  ["point service at external database", ["external-name", "selectorless-service"]],
  ["map service to an IP outside the cluster", ["selectorless-service"]],
  ["bare metal load balancer", ["metallb"]],
  ["nginx ingress retirement", ["ingress-nginx"]],
  ["tls passthrough", ["tlsroute"]],
  ["L4 vs L7", ["tcproute", "load-balancer", "ingress", "gateway-api"]],
  ["route by header", ["httproute"]],
  ["ingress class default", ["ingress-class"]],
  ["kube-proxy nftables", ["nftables-proxy-mode"]],
  ["ipvs deprecated", ["ipvs-proxy-mode"]],
  ["dual stack service", ["ip-family-policy"]],
  ["loadBalancerSourceRanges whitelist", ["load-balancer-source-ranges"]],
  ["restrict which IPs can reach my load balancer", ["load-balancer-source-ranges"]],
  ["port forward to a pod", ["kubectl-port-forward"]],
  ["UDP load balancer", ["mixed-protocol-load-balancer", "load-balancer", "udproute"]],
  ["cross namespace route", ["reference-grant"]],
  ["topology aware routing zone", ["topology-aware-routing"]],
  ["prefer same zone", ["traffic-distribution"]],
  ["allocateLoadBalancerNodePorts", ["allocate-load-balancer-node-ports"]],
  ["NodePort range", ["node-port-range"]],
  ["internal load balancer aws", ["internal-load-balancer"]],
  ["service without selector endpoints", ["selectorless-service"]],
  ["Endpoints deprecated", ["endpoints"]],
  ["session affinity timeout", ["session-affinity"]],
  ["ExternalName https certificate problem", ["external-name"]],
  ["gateway api vs ingress", ["gateway-api", "ingress"]],
  ["httproute path prefix", ["httproute"]],
  ["SCTP support", ["service-protocol"]],
  ["appProtocol h2c", ["app-protocol"]],
  ["headless service dns records", ["headless-service", "service-dns"]],
  ["health check node port", ["health-check-node-port"]],
  ["external ips deprecated", ["external-ips"]],
  ["what is the default service type", ["cluster-ip"]],
  ["access a clusterip service from my laptop", ["kubectl-port-forward", "kubectl-proxy"]],
  ["LoadBalancer on kind cluster", ["cloud-provider-kind"]],
  ["minikube loadbalancer external ip", ["minikube-tunnel"]],
  ["use a specific load balancer implementation instead of the cloud default", ["load-balancer-class"]],
  ["set a static IP for my load balancer", ["load-balancer-ip"]],
  ["which controller creates the cloud load balancer", ["cloud-controller-manager"]],
  ["environment variables for services in pods", ["service-environment-variables"]],
  ["pod IPs change, how do clients find them", ["service", "pod"]],
  ["tcp route gateway api", ["tcproute"]],
  ["backend tls to pods with gateway api", ["backend-tls-policy"]],
  ["gatewayClassName", ["gateway-class"]],
  ["keep traffic on the same node", ["internal-traffic-policy", "traffic-distribution"]],
  ["too many iptables rules slow", ["iptables-proxy-mode", "nftables-proxy-mode"]],
  ["connections dropped during rolling update terminating pods", ["terminating-endpoints"]],
  ["dns for pods that are not ready", ["publish-not-ready-addresses"]],
  ["ingress pathType Prefix vs Exact", ["ingress-path-type"]],
  ["terminate tls at the ingress", ["ingress-tls"]],
  ["gateway api experimental channel", ["gateway-api-release-channels"]],
  ["service cluster ip range full", ["service-cluster-ip-range"]],
];

describe("search answers real questions", () => {
  it.each(QUESTIONS)("%s", (question, answers) => {
    const top = search(index, question, { first: 3 }).map((h) => h.conceptSlug);
    expect(top.some((slug) => answers.includes(slug)), `top 3 were ${top.join(", ")}`).toBe(true);
  });
});
