/** Official documentation hosts: the Kubernetes project, Gateway API, and the named projects' own docs. */
export const OFFICIAL_SOURCES: readonly RegExp[] = [
  /^https:\/\/kubernetes\.io\//,
  /^https:\/\/gateway-api\.sigs\.k8s\.io\//,
  /^https:\/\/www\.kubernetes\.dev\//,
  /^https:\/\/github\.com\/kubernetes(-sigs)?\//,
  // ingress-nginx's own documentation (a Kubernetes project), for what the retired controller did.
  /^https:\/\/kubernetes\.github\.io\/ingress-nginx\//,
  /^https:\/\/(kind|minikube)\.sigs\.k8s\.io\//,
  /^https:\/\/metallb\.universe\.tf\//,
  /^https:\/\/cloud\.google\.com\/kubernetes-engine\/docs\//,
  /^https:\/\/(docs\.)?aws\.amazon\.com\//,
  /^https:\/\/learn\.microsoft\.com\/.*\/aks\//,
];

export const isOfficialSource = (url: string): boolean => OFFICIAL_SOURCES.some((host) => host.test(url));
