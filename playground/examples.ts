// The operations the playground opens with, one tab each. Each one is run against the real server by
// test/browser/playground.test.ts, so a schema change that breaks an example fails the tests.

export interface PlaygroundExample {
  /** What the example shows; also the operation name, which GraphiQL uses as the tab title. */
  readonly title: string;
  readonly query: string;
  /** JSON text for GraphiQL's variables editor, if the operation takes variables. */
  readonly variables?: string;
}

export const examples: readonly PlaygroundExample[] = [
  {
    title: "Recommend",
    query: `# Which way should I expose an HTTPS API on a cloud cluster? Edit the variables and run again
# (Ctrl+Enter). Only \`clients\` is required; every other field has a documented default.
query Recommend($requirements: ServiceRequirementsInput!) {
  recommendServiceType(requirements: $requirements) {
    summary
    best {
      option
      serviceType
      reasons { text sources { url } }
      settings { path value why }
      manifest
    }
    alternatives { option score }
    rejected { option reason }
    warnings
  }
}
`,
    variables: `{
  "requirements": {
    "clients": "INTERNET",
    "protocols": ["HTTPS"],
    "environment": "CLOUD",
    "exposedServices": 3,
    "routing": ["PATH", "HOST"],
    "tls": "TERMINATE_AT_EDGE",
    "preserveClientIp": true,
    "kubernetesVersion": "1.33",
    "name": "shop-api",
    "namespace": "shop"
  }
}
`,
  },
  {
    title: "CompareIngressAndGatewayApi",
    query: `# Two concepts side by side, dimension by dimension, with curated statements and their sources.
query CompareIngressAndGatewayApi {
  compare(left: "ingress", right: "gateway-api") {
    summary
    rows { dimension { name } left right leftNote rightNote }
    statements { statement sources { url } }
  }
}
`,
  },
  {
    title: "LoadBalancerAndRelated",
    query: `# A concept by slug or alias ("LB" works too), with its typed relations in both directions.
query LoadBalancerAndRelated {
  concept(slug: "load-balancer") {
    name
    summary
    lifecycle { stableIn status }
    related { type direction concept { slug name } note }
    sources { title url }
  }
}
`,
  },
  {
    title: "SearchClientIp",
    query: `# Full-text search in your own words; the snippet marks the matched terms as **term**.
query SearchClientIp {
  search(query: "how do I keep the client IP", first: 5) {
    score
    snippet
    matchedFields
    concept { slug name summary }
  }
}
`,
  },
  {
    title: "TrafficDistributionIn131",
    query: `# Version questions: what stage was spec.trafficDistribution at in Kubernetes 1.31?
query TrafficDistributionIn131 {
  concept(slug: "trafficDistribution", kubernetesVersion: "1.31") {
    name
    summary
    lifecycle { introducedIn betaIn stableIn status statusAt note }
  }
}
`,
  },
  {
    title: "Troubleshooting",
    query: `# A troubleshooting question in your own words: the answer's steps come from a guide written
# from the official docs, with the exact kubectl checks, in order of likelihood.
query Troubleshooting($question: String!) {
  ask(question: $question) {
    kind
    text
    steps
    guides { slug title kind }
    sources { title url }
    followUps
  }
}
`,
    variables: `{
  "question": "Why is my LoadBalancer stuck at EXTERNAL-IP pending?"
}
`,
  },
  {
    title: "HowTo",
    query: `# A how-to question, and the guide it comes from (steps and an example manifest).
query HowTo($question: String!, $slug: String!) {
  ask(question: $question) {
    kind
    text
    steps
    guides { slug title }
    sources { title url }
  }
  guide(slug: $slug) {
    title
    kind
    steps
    exampleManifest
    sources { title url }
  }
}
`,
    variables: `{
  "question": "How do I redirect HTTP to HTTPS with Gateway API?",
  "slug": "redirect-http-to-https-gateway"
}
`,
  },
  {
    title: "ClarifyingQuestion",
    query: `# Requirements in your own words. When something that changes the answer is unknown, the answer
# says what it assumed and what to ask back, with where each answer would lead.
query ClarifyingQuestion($q: String!) {
  recommendFromQuestion(question: $q) {
    requirements { clients protocols environment loadBalancer tls noNodePorts assumptions unrecognized }
    recommendation { summary best { option manifest } }
    clarifyingQuestions {
      id
      question
      field
      reason
      options { answer recommendedOption recommendedLabel assumed }
    }
  }
}
`,
    variables: `{
  "q": "VMs next to the cluster must reach our Postgres, but it must never be reachable from the internet"
}
`,
  },
  {
    title: "AnalyzeManifests",
    query: `# Your own manifests, explained and checked offline against the Kubernetes and Gateway API
# schemas (with their CEL rules), the target versions and each other. Paste yours into the variables.
query AnalyzeManifests($manifests: String!, $kubernetesVersion: String) {
  analyzeManifests(manifests: $manifests, kubernetesVersion: $kubernetesVersion) {
    summary
    kubernetesVersion
    gatewayApiVersion
    findings { severity category rule message documentIndex path fix sources { title url } }
    objects { documentIndex kind name namespace explanation findings { severity rule } }
  }
}
`,
    variables: `{
  "manifests": "apiVersion: apps/v1\\nkind: Deployment\\nmetadata: { name: shop, namespace: web }\\nspec:\\n  selector: { matchLabels: { app: shop } }\\n  template:\\n    metadata: { labels: { app: shop } }\\n    spec:\\n      containers:\\n        - name: shop\\n          image: registry.example.com/shop:1.4\\n          ports: [{ name: http, containerPort: 8080 }]\\n---\\napiVersion: v1\\nkind: Service\\nmetadata: { name: shop, namespace: web }\\nspec:\\n  type: NodePort\\n  selector: { app: shop }\\n  ports: [{ port: 80, targetPort: web, nodePort: 8080 }]\\n---\\napiVersion: gateway.networking.k8s.io/v1\\nkind: HTTPRoute\\nmetadata: { name: shop, namespace: web }\\nspec:\\n  parentRefs: [{ name: edge, namespace: infra }]\\n  hostnames: [shop.example.com]\\n  rules:\\n    - matches: [{ path: { type: PathPrefix, value: /api } }]\\n      backendRefs: [{ name: shop, port: 80, weight: 90 }, { name: shop-canary, port: 80, weight: 10 }]\\n",
  "kubernetesVersion": "1.37"
}
`,
  },
  {
    title: "MigrateIngressNginx",
    query: `# ingress-nginx is retired: convert an Ingress to Gateway API, annotation by annotation, with what
# behaves differently after the switch. The manifests validate against the Gateway API CRDs.
query MigrateIngressNginx($manifests: String!, $options: IngressMigrationOptions) {
  migrateIngress(manifests: $manifests, options: $options) {
    summary
    warnings
    annotations { ingress annotation value outcome gatewayField note sources { title url } }
    manifests
  }
}
`,
    variables: `{
  "options": {
    "gatewayClassName": "eg"
  },
  "manifests": "apiVersion: networking.k8s.io/v1\\nkind: Ingress\\nmetadata:\\n  name: shop\\n  namespace: web\\n  annotations:\\n    nginx.ingress.kubernetes.io/rewrite-target: /$2\\n    nginx.ingress.kubernetes.io/proxy-read-timeout: \\"120\\"\\n    nginx.ingress.kubernetes.io/whitelist-source-range: 10.0.0.0/8\\nspec:\\n  ingressClassName: nginx\\n  tls:\\n  - hosts: [shop.example.com]\\n    secretName: shop-tls\\n  rules:\\n  - host: shop.example.com\\n    http:\\n      paths:\\n      - path: /api(/|$)(.*)\\n        pathType: ImplementationSpecific\\n        backend:\\n          service: {name: api, port: {number: 8080}}\\n"
}
`,
  },
  {
    title: "KnowledgeCoverage",
    query: `# What the knowledge covers and when it was checked; a name you may have mistyped.
query KnowledgeCoverage {
  knowledgeBase { version kubernetesVersion gatewayApiVersion lastChecked conceptCount }
  conceptSuggestions(name: "gatewy-api") { slug name }
  concept(slug: "service-name-validation") {
    name
    lifecycle {
      introducedIn
      betaIn
      stableIn
      at135: statusAt(kubernetesVersion: "1.35")
      at136: statusAt(kubernetesVersion: "1.36")
    }
    sources { url checked }
  }
}
`,
  },
];
