// The fixed query mix of `npm run bench`. Edit here when the schema changes: a query that the real
// server answers with GraphQL errors is reported as "skipped: <reason>" and the rest still runs.
// Every query has an operation name; the minimal Apollo server (b) uses it to find its stored answer.

export interface BenchQuery {
  /** Short name used in the table and in the JSON results. */
  readonly name: string;
  readonly operationName: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** Part of the `--quick` smoke run. */
  readonly quick?: boolean;
}

export const QUERIES: readonly BenchQuery[] = [
  {
    name: "serviceTypes",
    operationName: "ServiceTypes",
    quick: true,
    query: /* GraphQL */ `
      query ServiceTypes {
        serviceTypes {
          id
          name
          kubernetesName
          buildsOn { kubernetesName }
          allocatesClusterIp
          allocatesNodePort
          provisionsLoadBalancer
          reachableFrom
          protocols
          requirements
          useCases
          limitations
          concept { slug summary }
          sources { title url }
        }
      }
    `,
  },
  {
    name: "concept",
    operationName: "Concept",
    quick: true,
    query: /* GraphQL */ `
      query Concept($slug: String!) {
        concept(slug: $slug) {
          id
          slug
          name
          kind
          summary
          aliases
          tags
          lifecycle { track stableIn deprecatedIn status }
          related { type direction note concept { slug name summary } }
          capabilities { dimension { slug name } value note }
          sources { title url section }
        }
      }
    `,
    variables: { slug: "LB" },
  },
  {
    name: "compare",
    operationName: "Compare",
    query: /* GraphQL */ `
      query Compare($left: String!, $right: String!) {
        compare(left: $left, right: $right) {
          summary
          left { slug name }
          right { slug name }
          rows { dimension { slug name } left right leftNote rightNote sources { url } }
          statements { statement kubernetesVersion dimension { name } sources { title url } }
        }
      }
    `,
    variables: { left: "ingress", right: "gateway-api" },
  },
  {
    // A web shop on a managed cloud cluster: HTTPS from the internet for three Services, host and
    // path routing, TLS terminated at the edge, the client IP kept for rate limiting.
    name: "recommendServiceType",
    operationName: "Recommend",
    query: /* GraphQL */ `
      query Recommend($requirements: ServiceRequirementsInput!) {
        recommendServiceType(requirements: $requirements) {
          summary
          warnings
          best {
            option
            serviceType
            score
            reasons { text sources { url } }
            settings { path value why }
            manifest
          }
          alternatives { option serviceType score reasons { text } }
          rejected { option reason }
        }
      }
    `,
    variables: {
      requirements: {
        clients: "INTERNET",
        protocols: ["HTTPS"],
        environment: "CLOUD",
        exposedServices: 3,
        routing: ["HOST", "PATH"],
        tls: "TERMINATE_AT_EDGE",
        preserveClientIp: true,
      },
    },
  },
  {
    name: "search",
    operationName: "Search",
    query: /* GraphQL */ `
      query Search($q: String!, $first: Int) {
        search(query: $q, first: $first) {
          score
          snippet
          matchedFields
          concept { slug name summary }
        }
      }
    `,
    variables: { q: "how do I keep the client IP behind a load balancer", first: 10 },
  },
  {
    // A troubleshooting question: question kind, guide ranking, steps and sources (issue 17).
    name: "ask",
    operationName: "Ask",
    query: /* GraphQL */ `
      query Ask($question: String!) {
        ask(question: $question) {
          kind
          text
          steps
          guides { slug title }
          sources { title url }
          followUps
        }
      }
    `,
    variables: { question: "Why is my LoadBalancer stuck at EXTERNAL-IP pending on bare metal?" },
  },
  {
    // Manifest analysis of a small bundle (under the default MAX_STRING_LENGTH of 2,000 characters).
    // The 100-document speed targets are measured by bench/analysis.bench.ts.
    name: "analyzeManifests",
    operationName: "AnalyzeManifests",
    query: /* GraphQL */ `
      query AnalyzeManifests($manifests: String!) {
        analyzeManifests(manifests: $manifests) {
          summary
          objects { kind name explanation findings { rule severity } }
          findings { category severity rule message path fix sources { url } }
        }
      }
    `,
    variables: {
      manifests: [
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: shop }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec: { containers: [{ name: web, image: nginx, ports: [{ name: http, containerPort: 8080 }] }] }",
        "apiVersion: v1\nkind: Service\nmetadata: { name: web, namespace: shop }\nspec:\n  type: NodePort\n  selector: { app: web }\n  ports: [{ port: 80, targetPort: http }]",
        "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: { name: web, namespace: shop }\nspec:\n  parentRefs: [{ name: edge, namespace: infra }]\n  hostnames: [shop.example.com]\n  rules: [{ backendRefs: [{ name: web, port: 80, weight: 90 }, { name: web-canary, port: 80, weight: 10 }] }]",
      ].join("\n---\n"),
    },
  },
];
