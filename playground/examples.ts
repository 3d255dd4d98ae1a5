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
];
