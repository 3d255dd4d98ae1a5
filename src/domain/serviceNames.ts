// Which Service names the API server accepts, by Kubernetes version. Shared by requirement
// validation, generated manifests and manifest analysis, so all three agree.
//
// RelaxedServiceNameValidation (KEP-5311): alpha in 1.34 (off by default), beta and on by default
// in 1.36, GA and locked on in 1.37. From 1.36 a Service name may be an RFC 1123 label (a leading
// digit is allowed); before 1.36 it must be an RFC 1035 label, as it always was.
// https://kubernetes.io/docs/concepts/services-networking/service/#defining-a-service
import { compareVersions } from "./lifecycle.js";
import { normalizeKubernetesVersion } from "./versions.js";

/** The first Kubernetes version whose default validation accepts RFC 1123 Service names. */
export const RELAXED_SERVICE_NAMES_SINCE = "1.36";

const RFC1035_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const RFC1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export type ServiceNameRule = "RFC1035_LABEL" | "RFC1123_LABEL";

/** The naming rule a cluster of that version applies by default ("1.35", "v1.36.2"...). */
export function serviceNameRule(kubernetesVersion: string): ServiceNameRule {
  const version = normalizeKubernetesVersion(kubernetesVersion);
  if (version === null) throw new RangeError(`"${kubernetesVersion}" is not a Kubernetes version`);
  return compareVersions(version, RELAXED_SERVICE_NAMES_SINCE) >= 0 ? "RFC1123_LABEL" : "RFC1035_LABEL";
}

/**
 * Why a cluster of that version would reject `name` as a Service name, in one sentence, or null when
 * it accepts it. Throws RangeError for a malformed version (validate the version first).
 */
export function serviceNameProblem(name: string, kubernetesVersion: string): string | null {
  const rule = serviceNameRule(kubernetesVersion);
  if (name.length === 0) return "a Service name must not be empty";
  if (name.length > 63) return `a Service name has at most 63 characters, this one has ${name.length}`;
  if (rule === "RFC1123_LABEL") {
    return RFC1123_LABEL.test(name)
      ? null
      : "a Service name must be an RFC 1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit";
  }
  if (RFC1035_LABEL.test(name)) return null;
  if (RFC1123_LABEL.test(name)) {
    return `a Service name must start with a letter before Kubernetes ${RELAXED_SERVICE_NAMES_SINCE} (an RFC 1035 label); a leading digit is accepted from ${RELAXED_SERVICE_NAMES_SINCE}, when RelaxedServiceNameValidation is on by default`;
  }
  return "a Service name must be an RFC 1035 label: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit";
}
