// Rejects input that cannot describe a real cluster, naming the field at fault. Merely odd
// combinations are not errors: they become warnings through rules.yaml.
import { isIP } from "node:net";
import { badInput } from "../errors.js";
import { serviceNameProblem } from "../serviceNames.js";
import { normalizeKubernetesVersion } from "../versions.js";
import {
  BACKENDS,
  BOOLEAN_FLAGS,
  CLIENTS,
  ENVIRONMENTS,
  LOAD_BALANCERS,
  LOCALITIES,
  PROTOCOLS,
  ROUTING,
  TLS_MODES,
  type RequirementsInput,
} from "./requirements.js";

export const MAX_QUESTION_LENGTH = 500;
const field = (name: string) => `requirements.${name}`;

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const QUALIFIED_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;

/** Lowercase RFC 1123 hostname, as `spec.externalName` requires. */
export function isDnsName(value: string): boolean {
  return value.length <= 253 && value.split(".").every((label) => DNS_LABEL.test(label)) && isIP(value) === 0;
}

/** Label-style value with an optional DNS-subdomain prefix, as `spec.loadBalancerClass` requires. */
export function isQualifiedName(value: string): boolean {
  const parts = value.split("/");
  if (parts.length > 2) return false;
  const [prefixOrName, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  return QUALIFIED_NAME.test(name ?? "") && (prefixOrName === undefined || isDnsName(prefixOrName));
}

export function isCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split("/");
  if (rest.length || address === undefined || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return false;
  const family = isIP(address);
  return family !== 0 && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** F052: manually supplied endpoints may not be loopback or link-local. */
function isLoopbackOrLinkLocal(ip: string): boolean {
  const v = ip.toLowerCase();
  return /^127\./.test(v) || /^169\.254\./.test(v) || /^224\.0\.0\./.test(v) || v === "::1" || /^fe[89ab][0-9a-f]?:/.test(v);
}

function oneOf(name: string, value: unknown, allowed: readonly string[]): void {
  if (value !== null && value !== undefined && !allowed.includes(String(value))) {
    throw badInput(`"${String(value)}" is not a valid ${name}; expected one of ${allowed.join(", ")}.`, field(name));
  }
}

function port(name: string, value: number | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw badInput(`${name} must be a port number from 1 to 65535, got ${value}.`, field(name));
  }
}

/**
 * `defaultKubernetesVersion` is the version assumed when the input names none: Service names are
 * checked against the rules of the target version (RFC 1035 before 1.36, RFC 1123 from 1.36).
 */
export function validateRequirements(input: RequirementsInput, defaultKubernetesVersion: string): void {
  if ((input.clients as unknown) === undefined || (input.clients as unknown) === null) {
    throw badInput("clients is required: say who connects (IN_CLUSTER, PRIVATE_NETWORK, INTERNET or LOCAL_DEVELOPER).", field("clients"));
  }
  oneOf("clients", input.clients, CLIENTS);
  oneOf("backend", input.backend, BACKENDS);
  oneOf("environment", input.environment, ENVIRONMENTS);
  oneOf("loadBalancer", input.loadBalancer, LOAD_BALANCERS);
  oneOf("tls", input.tls, TLS_MODES);
  oneOf("locality", input.locality, LOCALITIES);
  for (const p of input.protocols ?? []) oneOf("protocols", p, PROTOCOLS);
  for (const r of input.routing ?? []) oneOf("routing", r, ROUTING);
  if (input.protocols && input.protocols.length === 0) {
    throw badInput("protocols must name at least one protocol (leave it out to mean HTTP).", field("protocols"));
  }
  for (const flag of BOOLEAN_FLAGS) {
    const v = input[flag];
    if (v !== null && v !== undefined && typeof v !== "boolean") throw badInput(`${flag} must be true or false.`, field(flag));
  }
  const n = input.exposedServices;
  if (n !== null && n !== undefined && (!Number.isInteger(n) || n < 1 || n > 10000)) {
    throw badInput(`exposedServices must be a whole number of at least 1, got ${n}.`, field("exposedServices"));
  }
  port("servicePort", input.servicePort);
  port("targetPort", input.targetPort);
  if (input.fixedClusterIp != null && isIP(input.fixedClusterIp) === 0) {
    throw badInput(`fixedClusterIp "${input.fixedClusterIp}" is not an IPv4 or IPv6 address.`, field("fixedClusterIp"));
  }
  input.allowedSourceRanges?.forEach((cidr) => {
    if (!isCidr(cidr)) throw badInput(`"${cidr}" is not a CIDR range such as 203.0.113.0/24.`, field("allowedSourceRanges"));
  });
  if (input.externalIp != null) {
    if (isIP(input.externalIp) === 0) throw badInput(`externalIp "${input.externalIp}" is not an IPv4 or IPv6 address.`, field("externalIp"));
    if (isLoopbackOrLinkLocal(input.externalIp)) {
      throw badInput(
        `externalIp ${input.externalIp} is loopback or link-local; Kubernetes does not accept such endpoint addresses (https://kubernetes.io/docs/concepts/services-networking/service/#custom-endpointslices).`,
        field("externalIp"),
      );
    }
  }
  if (input.backend === "EXTERNAL_IP" && input.externalIp == null) {
    throw badInput("backend EXTERNAL_IP needs externalIp, the address of the external backend.", field("externalIp"));
  }
  if (input.externalHostname != null && !isDnsName(input.externalHostname)) {
    const hint = isIP(input.externalHostname) !== 0 ? " It is an IP address: use backend EXTERNAL_IP with externalIp instead, because ExternalName only takes a DNS name." : "";
    throw badInput(`externalHostname "${input.externalHostname}" is not a lowercase RFC 1123 DNS name.${hint}`, field("externalHostname"));
  }
  if (input.loadBalancerClass != null && !isQualifiedName(input.loadBalancerClass)) {
    throw badInput(
      `loadBalancerClass "${input.loadBalancerClass}" is not a label-style name such as example.com/internal-vip.`,
      field("loadBalancerClass"),
    );
  }
  if (input.kubernetesVersion != null && normalizeKubernetesVersion(input.kubernetesVersion) === null) {
    throw badInput(`kubernetesVersion "${input.kubernetesVersion}" is not a Kubernetes minor version such as "1.30".`, field("kubernetesVersion"));
  }
  if (input.name != null) {
    const version = input.kubernetesVersion != null ? normalizeKubernetesVersion(input.kubernetesVersion)! : defaultKubernetesVersion;
    const problem = serviceNameProblem(input.name, version);
    if (problem) throw badInput(`name "${input.name}" is not a valid Service name for Kubernetes ${version}: ${problem}.`, field("name"));
  }
  if (input.namespace != null && !DNS_LABEL.test(input.namespace)) {
    throw badInput(`namespace "${input.namespace}" is not a valid namespace name (an RFC 1123 label).`, field("namespace"));
  }
}

export function validateQuestion(question: string): string {
  const trimmed = question.trim();
  if (!trimmed) throw badInput("question must not be empty.", "question");
  if (trimmed.length > MAX_QUESTION_LENGTH) {
    throw badInput(`question is ${trimmed.length} characters; at most ${MAX_QUESTION_LENGTH} are accepted.`, "question");
  }
  return trimmed;
}
