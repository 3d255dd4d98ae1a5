// Thousands of deterministic hostile requests against the built server in a child process (as
// `npm start` runs it): nothing may answer 5xx, every /graphql answer is JSON with coded errors, no
// answer leaks a stack trace or an internal path, the server still works afterwards, and its
// memory stays bounded.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/config.js";
import { copyOfTemplate, fetchErrorCode, prng, rssMb, runBounded, spawnServer, type ChildServer } from "./support.js";

const SEED = 0x6b38_5e11;
const CONCURRENCY = 8;
const REQUEST_TIMEOUT_MS = 15_000;
/** Stop early (and fail) when the server stops answering, instead of waiting out every timeout. */
const MAX_TRANSPORT_FAILURES = 25;
const MAX_BODY_BYTES = 1536 * 1024;
const MAX_STRING_LENGTH = 2000;

interface HostileRequest {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Buffer;
}

// ---------------------------------------------------------------------------------------------
// Generation (seeded PRNG only: the same requests in the same order on every run)
// ---------------------------------------------------------------------------------------------

let rng = prng(SEED);
const JSON_HEADERS = { "content-type": "application/json" };

function gql(kind: string, query: string, variables?: unknown, extra: Record<string, unknown> = {}): HostileRequest {
  return { kind, method: "POST", path: "/graphql", headers: JSON_HEADERS, body: JSON.stringify({ query, ...(variables === undefined ? {} : { variables }), ...extra }) };
}

function raw(kind: string, body: string | Buffer | undefined, headers: Record<string, string> = JSON_HEADERS, method = "POST", path = "/graphql"): HostileRequest {
  return { kind, method, path, headers, body };
}

const BILLION_LAUGHS_YAML = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
  "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
  "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]",
  "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
].join("\n");
const SHORT_LAUGHS_YAML = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a]\nc: &c [*b,*b,*b]\nd: [*c,*c,*c]';
const YAML_MERGE_BOMB = "x: &x {a: 1}\ny: &y {<<: [*x, *x, *x]}\nz: {<<: [*y, *y, *y, *y]}";
const JSON_BOMB = "[".repeat(400) + "]".repeat(400);
const MANIFEST_BOMB = `apiVersion: v1\nkind: Service\nmetadata:\n  name: &n ${"x".repeat(60)}\n  labels: {a: *n, b: *n}\nspec:\n  type: LoadBalancer\n  ports: [{port: 99999999}]`;

function randomUnicode(length: number): string {
  const pools = [
    () => String.fromCharCode(rng.int(0x20, 0x7e)),
    () => String.fromCharCode(0),
    () => String.fromCharCode(rng.int(1, 0x1f)),
    () => String.fromCharCode(rng.int(0x80, 0x2fff)),
    () => String.fromCharCode(rng.int(0xd800, 0xdfff)), // lone surrogates
    () => String.fromCodePoint(rng.int(0x1f300, 0x1faff)), // emoji
    () => rng.pick(["\u200b", "\u200e", "\u202e", "\ufeff", "\u0301", "\u2028", "\u2029", "\ufffd", "\uffff"]),
  ];
  let out = "";
  while (out.length < length) out += rng.pick(pools)();
  return out;
}

/** Strings a hostile user might type; none contains the markers the leak check looks for. */
function hostileString(): string {
  const choice = rng.int(0, 19);
  switch (choice) {
    case 0:
      return randomUnicode(rng.int(1, 60));
    case 1:
      return `lb\u0000${randomUnicode(5)}\u0000svc`;
    case 2:
      return "' OR 1=1; DROP TABLE Concept; --";
    case 3:
      return '"; SELECT * FROM _prisma_migrations; /*';
    case 4:
      return "../../../../etc/passwd";
    case 5:
      return "%s%s%s%n%x${jndi:ldap://127.0.0.1/a}{{7*7}}<%= 7*7 %>";
    case 6:
      return "<script>alert(1)</script><img src=x onerror=alert(1)>";
    case 7:
      return "a".repeat(rng.int(20, 490)) + "!"; // catastrophic-backtracking shape
    case 8:
      return SHORT_LAUGHS_YAML;
    case 9:
      return BILLION_LAUGHS_YAML; // > 500 characters
    case 10:
      return YAML_MERGE_BOMB;
    case 11:
      return JSON_BOMB; // > 500 characters
    case 12:
      return "__proto__";
    case 13:
      return "constructor.prototype.polluted";
    case 14:
      return " ".repeat(rng.int(1, 400));
    case 15:
      return ".-_ .-_ ...---...";
    case 16:
      return "x".repeat(rng.int(MAX_STRING_LENGTH + 1, 20_000));
    case 17:
      return "externalTrafficPolicy ".repeat(rng.int(1, 60));
    case 18:
      return MANIFEST_BOMB;
    default:
      return `${rng.pick(["svc", "LB", "ingress", "gateway api", "nodeport", "headless"])} ${randomUnicode(rng.int(0, 20))}`;
  }
}

const ENUMS = ["CLUSTER_IP", "NODE_PORT", "LOAD_BALANCER", "EXTERNAL_NAME", "INTERNET", "IN_CLUSTER", "HTTP", "UDP"];
const BAD_ENUMS = ["cluster_ip", "FOO", "LoadBalancer", "1", "true", "null", "CLUSTER_IP ", "ＣＬＵＳＴＥＲ_ＩＰ", "__proto__", "INTERNET2"];
const BAD_CIDRS = ["10.0.0.0/33", "999.1.1.1/8", "::/129", "a/b", "", "10.0.0.0/8/8", "10.0.0.0/-1", "10.0.0.0/08", "0x0a.0.0.0/8", "1.2.3/24", "fe80::1%eth0/64", "10.0.0.0 /8", "10.0.0.0/8\u0000", "1.2.3.4/32,5.6.7.8/32"];
const BAD_IPS = ["256.1.1.1", "1.2.3", "1.2.3.4.5", "::g", "01.02.03.04", "1.2.3.-4", "", " 1.2.3.4", "localhost", "0x7f.0.0.1", "1.2.3.4\u0000", "::ffff:999.1.1.1", "2001:db8::1::1"];
const BAD_PORTS = [0, -1, 65536, 70000, 2147483647, -2147483648];
const BAD_HOSTS = ["-bad-.example", "a..b", "ex ample.com", "例え.テスト", "a".repeat(300), "", ".", "under_score.example", "host.example.\u0000"];

function requirementsObject(valid: boolean): Record<string, unknown> {
  const req: Record<string, unknown> = { clients: rng.pick(["IN_CLUSTER", "PRIVATE_NETWORK", "INTERNET", "LOCAL_DEVELOPER"]) };
  if (rng.bool()) req.protocols = [rng.pick(["HTTP", "HTTPS", "GRPC", "TCP", "UDP", "SCTP", "TLS"])];
  if (rng.bool()) req.environment = rng.pick(["CLOUD", "BARE_METAL", "LOCAL"]);
  if (valid) return req;
  const mutation = rng.int(0, 13);
  switch (mutation) {
    case 0:
      req.allowedSourceRanges = Array.from({ length: rng.int(1, 5) }, () => rng.pick(BAD_CIDRS));
      break;
    case 1:
      req.fixedClusterIp = rng.pick(BAD_IPS);
      break;
    case 2:
      req.externalIp = rng.pick(BAD_IPS);
      req.backend = "EXTERNAL_IP";
      break;
    case 3:
      req.servicePort = rng.pick(BAD_PORTS);
      break;
    case 4:
      req.targetPort = rng.pick(BAD_PORTS);
      break;
    case 5:
      req.externalHostname = rng.pick(BAD_HOSTS);
      req.backend = "EXTERNAL_HOSTNAME";
      break;
    case 6:
      req.name = rng.pick(["UPPER", "a".repeat(300), "-x-", "x_y", "", "\u0000", hostileString()]);
      break;
    case 7:
      req.namespace = rng.pick(["UPPER", "kube system", "a".repeat(100), "", hostileString()]);
      break;
    case 8:
      req.kubernetesVersion = rng.pick(["1", "v", "1.99999999999999999999", "latest", "-1.2", "1.30.2.1", "", hostileString()]);
      break;
    case 9:
      req.exposedServices = rng.pick([-1, 0, 2147483647, -2147483648, 1e6]);
      break;
    case 10:
      req.loadBalancerClass = hostileString();
      break;
    case 11:
      req.allowedSourceRanges = Array.from({ length: rng.int(500, 3000) }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.0/24`);
      break;
    case 12:
      req.routing = Array.from({ length: rng.int(1, 200) }, () => rng.pick(["PATH", "HOST", "HEADER", "GRPC_METHOD", "MIRROR", "SNI"]));
      req.protocols = Array.from({ length: rng.int(1, 200) }, () => rng.pick(["HTTP", "HTTPS", "UDP", "TCP"]));
      break;
    default:
      req.clients = rng.pick(BAD_ENUMS);
  }
  return req;
}

/** encodeURIComponent for any string: lone surrogates (which it refuses) become U+FFFD. */
const enc = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));

const RECOMMEND_SELECTION = "{ summary best { option serviceType score manifest settings { path value } } rejected { option reason } warnings }";

function generate(seed: number): HostileRequest[] {
  rng = prng(seed);
  const out: HostileRequest[] = [];
  const repeat = (count: number, make: (i: number) => HostileRequest) => {
    for (let i = 0; i < count; i++) out.push(make(i));
  };

  // Invalid JSON bodies.
  const validBody = JSON.stringify({ query: "{ serviceTypes { name } }", variables: { a: 1 } });
  repeat(140, () => {
    const variant = rng.int(0, 5);
    if (variant === 0) return raw("invalid-json", validBody.slice(0, rng.int(1, validBody.length - 1)));
    if (variant === 1) return raw("invalid-json", `{"query": "{ serviceTypes { name } }",}`);
    if (variant === 2) return raw("invalid-json", `{'query': '{ __typename }'}`);
    if (variant === 3) return raw("invalid-json", `{"query": "\\u00zz"}`);
    if (variant === 4) return raw("invalid-json", validBody.replace(/"/g, () => (rng.bool(0.2) ? "" : '"')));
    return raw("invalid-json", `{"query": ${"[".repeat(rng.int(1, 5000))}`);
  });

  // Wrong content types.
  const contentTypes = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/html", "application/graphql", "application/json; charset=utf-16", "application/jsonx", "image/png", "application/octet-stream", "*/*", "application/json; charset=latin-1", "APPLICATION/JSON; boundary=\"\u00e9\""];
  repeat(110, () => {
    const contentType = rng.pick(contentTypes);
    const body = rng.bool() ? validBody : rng.bool() ? "query=%7B__typename%7D" : rng.bytes(rng.int(1, 200));
    return raw("wrong-content-type", body, { "content-type": contentType });
  });

  // Empty and degenerate bodies.
  const degenerate = ["", "{}", "null", "[]", '""', "0", "true", '{"query": null}', '{"query": ""}', '{"query": 1}', '{"query": {}}', '{"query": []}', '{"variables": {}}', '{"query": "{ __typename }", "variables": "x"}', '{"query": "{ __typename }", "operationName": 5}', '{"query": "{ __typename }", "extensions": []}', "\u0000", "\ufeff{}"];
  for (const body of degenerate) {
    out.push(raw("empty-body", body));
    out.push(raw("empty-body", body, { "content-type": "application/json", "apollo-require-preflight": "1" }));
  }
  repeat(10, () => raw("empty-body", undefined, rng.bool() ? JSON_HEADERS : {}));

  // Bodies over MAX_BODY_BYTES.
  repeat(24, (i) => {
    const size = MAX_BODY_BYTES + 1 + Math.floor((i / 24) * 2 * 1024 * 1024);
    const variant = i % 4;
    if (variant === 0) return gql("huge-body", "{ serviceTypes { name } }", { pad: "x".repeat(size) });
    if (variant === 1) return gql("huge-body", `{ serviceTypes { name } } ${"#".repeat(size)}`);
    if (variant === 2) return raw("huge-body", `${" ".repeat(size)}{"query":"{ __typename }"}`);
    return raw("huge-body", rng.bytes(size));
  });

  // Deep queries: a cheap chain (buildsOn), an exponential one (related/concept) and deep variables.
  repeat(60, (i) => {
    const depth = 11 + (i % 40);
    const variant = i % 3;
    if (variant === 0) {
      let selection = "name";
      for (let d = 0; d < depth; d++) selection = `buildsOn { ${selection} }`;
      return gql("deep-query", `{ serviceType(name: LOAD_BALANCER) { ${selection} } }`);
    }
    if (variant === 1) {
      let selection = "slug";
      for (let d = 0; d < Math.floor(depth / 2); d++) selection = `related { concept { ${selection} } }`;
      return gql("deep-query", `{ concepts(first: 100) { nodes { ${selection} } } }`);
    }
    // Deeply nested JSON values (built as text: JSON.stringify itself would overflow the stack).
    const levels = depth * 200;
    const nested = `${"[".repeat(levels)}"x"${"]".repeat(levels)}`;
    const body = `{"query":"query ($v: [String!]) { __typename }","variables":{"v":${nested},"w":${nested}},"extensions":{"deep":${nested}}}`;
    return raw("deep-query", body);
  });

  // Alias bombs.
  const aliasTargets = [
    "__typename",
    "serviceTypes { name }",
    'search(query: "load balancer") { score }',
    "recommendServiceType(requirements: { clients: INTERNET }) { summary }",
    'concept(slug: "svc") { related { concept { related { concept { slug } } } } }',
    "knowledgeBase { version }",
  ];
  repeat(60, (i) => {
    const count = i < 30 ? 31 + i * 33 : 1000;
    const target = aliasTargets[i % aliasTargets.length]!;
    return gql("alias-bomb", `{ ${Array.from({ length: count }, (_, n) => `a${n}: ${target}`).join(" ")} }`);
  });

  // Fragment bombs: cycles, self-reference, exponential chains, many spreads, unknown fragments.
  repeat(60, (i) => {
    const variant = i % 6;
    if (variant === 0) return gql("fragment-bomb", "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }");
    if (variant === 1) return gql("fragment-bomb", "query { ...A } fragment A on Query { serviceTypes { name } ...A }");
    if (variant === 2) {
      const n = 10 + (i % 25);
      const fragments = Array.from({ length: n }, (_, k) => (k === n - 1 ? `fragment F${k} on Query { serviceTypes { name buildsOn { name } } }` : `fragment F${k} on Query { ...F${k + 1} ...F${k + 1} }`));
      return gql("fragment-bomb", `query { ...F0 } ${fragments.join(" ")}`);
    }
    if (variant === 3) {
      const n = 10 + (i % 20);
      const fragments = Array.from({ length: n }, (_, k) =>
        k === n - 1 ? `fragment C${k} on Concept { slug }` : `fragment C${k} on Concept { related { concept { ...C${k + 1} } } facts { left { ...C${k + 1} } right { ...C${k + 1} } } }`,
      );
      return gql("fragment-bomb", `query { concepts(first: 100) { nodes { ...C0 } } } ${fragments.join(" ")}`);
    }
    if (variant === 4) return gql("fragment-bomb", `query { ${"...F ".repeat(200 + i * 20)} } fragment F on Query { serviceTypes { name } }`);
    return gql("fragment-bomb", `query { ...Missing${i} serviceTypes { ...OnWrongType } } fragment OnWrongType on Concept { slug }`);
  });

  // Directive floods.
  repeat(60, (i) => {
    const count = 21 + i * 16;
    const directive = rng.pick(["@include(if: true)", "@skip(if: false)", "@deprecated", "@nope", '@include(if: "yes")', "@skip"]);
    const flood = Array(count).fill(directive).join(" ");
    const target = rng.bool() ? `serviceTypes ${flood} { name }` : `... on Query ${flood} { __typename }`;
    return gql("directive-flood", `query ${rng.bool() ? Array(Math.min(count, 200)).fill("@include(if: true)").join(" ") : ""} { ${target} }`);
  });

  // Many tokens.
  repeat(60, (i) => {
    const count = 3001 + i * 300;
    const variant = i % 4;
    if (variant === 0) return gql("many-tokens", `{ ${"__typename ".repeat(count)} }`);
    if (variant === 1) return gql("many-tokens", `{ concepts(first: 1 ${", ".repeat(count)}) { totalCount } }`);
    if (variant === 2) return gql("many-tokens", `query (${Array.from({ length: Math.floor(count / 4) }, (_, k) => `$v${k}: Int`).join(" ")}) { __typename }`);
    return gql("many-tokens", `{ serviceTypes { ${"name ".repeat(count)} } }`);
  });

  // Wrong variable types.
  const wrongValues: unknown[] = ["abc", 1.5, 1e20, -1e20, [1, 2], { a: 1 }, true, null, "", "1", Number.MAX_SAFE_INTEGER, [[["x"]]], { __proto__: { polluted: 1 } }];
  repeat(150, (i) => {
    const value = wrongValues[i % wrongValues.length];
    const variant = Math.floor(i / wrongValues.length) % 6;
    if (variant === 0) return gql("wrong-variable-type", "query ($n: Int) { concepts(first: $n) { totalCount } }", { n: value });
    if (variant === 1) return gql("wrong-variable-type", "query ($s: String!) { concept(slug: $s) { slug } }", { s: value });
    if (variant === 2) return gql("wrong-variable-type", `query ($r: ServiceRequirementsInput!) { recommendServiceType(requirements: $r) ${RECOMMEND_SELECTION} }`, { r: value });
    if (variant === 3) return gql("wrong-variable-type", `query ($r: ServiceRequirementsInput!) { recommendServiceType(requirements: $r) { summary } }`, { r: { clients: "INTERNET", exposedServices: value, servicePort: value } });
    if (variant === 4) return gql("wrong-variable-type", "query ($q: String!, $f: Int) { search(query: $q, first: $f) { score } }", { q: value, f: value });
    return gql("wrong-variable-type", "query ($n: Int!) { __typename }", rng.bool() ? {} : { n: value });
  });

  // Invalid enum values, as literals and as variables.
  repeat(100, (i) => {
    const bad = rng.pick(BAD_ENUMS);
    const variant = i % 4;
    if (variant === 0) return gql("invalid-enum", `{ serviceType(name: ${/^[A-Za-z_][A-Za-z0-9_]*$/.test(bad) ? bad : "FOO"}) { name } }`);
    if (variant === 1) return gql("invalid-enum", "query ($t: ServiceTypeName!) { serviceType(name: $t) { name } }", { t: bad });
    if (variant === 2) return gql("invalid-enum", `{ concepts(filter: { kind: "${bad.replace(/[^A-Za-z_ ]/g, "")}" }) { totalCount } }`);
    return gql("invalid-enum", "query ($r: ServiceRequirementsInput!) { recommendServiceType(requirements: $r) { summary } }", { r: { clients: "INTERNET", routing: [bad], tls: bad } });
  });

  // Unknown fields and arguments.
  repeat(100, (i) => {
    const name = `f${rng.int(0, 1e6)}${rng.pick(["", "_x", "Ü"])}`;
    const variant = i % 5;
    if (variant === 0) return gql("unknown-field", `{ ${name} }`);
    if (variant === 1) return gql("unknown-field", `{ serviceTypes { name ${name} } }`);
    if (variant === 2) return gql("unknown-field", `{ concept(slug: "svc", ${name}: 1) { slug } }`);
    if (variant === 3) return gql("unknown-field", `mutation { ${name} }`);
    return gql("unknown-field", `subscription { ${name} }`);
  });

  // Unicode and NUL bytes in strings and in the query text itself.
  repeat(150, (i) => {
    const text = randomUnicode(rng.int(1, 80));
    const variant = i % 6;
    if (variant === 0) return gql("unicode", "query ($s: String!) { concept(slug: $s) { slug } }", { s: text });
    if (variant === 1) return gql("unicode", "query ($q: String!) { search(query: $q) { score snippet } }", { q: text });
    if (variant === 2) return gql("unicode", `{ search(query: ${JSON.stringify(text)}) { score } }`);
    if (variant === 3) return gql("unicode", `{ serviceTypes { name } }${text}`);
    if (variant === 4) return gql("unicode", `{ serviceTypes\u0000 { name } }`);
    return gql("unicode", "query ($l: String!, $r: String!) { compare(left: $l, right: $r) { summary } }", { l: text, r: randomUnicode(10) });
  });

  // Over-long strings (arguments and variables).
  repeat(80, (i) => {
    const long = (rng.bool() ? "lb " : "\u00e9").repeat(Math.ceil(rng.int(MAX_STRING_LENGTH + 1, 40_000) / 3));
    const variant = i % 6;
    if (variant === 0) return gql("over-long-string", `{ concept(slug: ${JSON.stringify(long)}) { slug } }`);
    if (variant === 1) return gql("over-long-string", "query ($q: String!) { search(query: $q) { score } }", { q: long });
    if (variant === 2) return gql("over-long-string", "query ($q: String!) { recommendFromQuestion(question: $q) { recommendation { summary } } }", { q: long });
    if (variant === 3) return gql("over-long-string", "query ($l: String!) { compare(left: $l, right: \"ingress\") { summary } }", { l: long });
    if (variant === 4) return gql("over-long-string", "query ($r: ServiceRequirementsInput!) { recommendServiceType(requirements: $r) { summary } }", { r: { clients: "INTERNET", name: long } });
    return gql("over-long-string", "query ($x: String) { __typename }", { x: long });
  });

  // Batched requests.
  repeat(60, (i) => {
    const count = i % 3 === 0 ? 0 : 1 + ((i * 37) % 400);
    const item = rng.bool() ? { query: "{ serviceTypes { name } }" } : rng.bool() ? "garbage" : [{ query: "{ __typename }" }];
    return raw("batched", JSON.stringify(Array.from({ length: count }, () => item)));
  });

  // Random bytes, with and without a JSON content type.
  repeat(120, (i) => {
    const bytes = rng.bytes(rng.int(1, 4000));
    if (i % 3 === 0) return gql("random-bytes", bytes.toString("latin1"));
    return raw("random-bytes", bytes, i % 3 === 1 ? JSON_HEADERS : { "content-type": rng.pick(contentTypes) });
  });

  // GET with garbage parameters.
  repeat(150, (i) => {
    const params = [
      `query=${enc(hostileString().slice(0, 2000))}`,
      `query=%ZZ%${rng.int(0, 9)}`,
      "query=%7B__typename%7D&query=%7B__typename%7D",
      "query[a]=1&query[b]=2",
      `query=${enc("{ serviceTypes { name } }")}&variables=${enc(hostileString().slice(0, 1000))}`,
      `query=${enc("query ($n: Int) { concepts(first: $n) { totalCount } }")}&variables=${enc('{"n":"x"}')}`,
      `query=${enc("{ __typename }")}&extensions=${enc("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + "0".repeat(64) + "\"}}")}`,
      `query=${enc("{ __typename }")}&operationName=${enc(hostileString().slice(0, 200))}`,
      `query=${enc("mutation { x }")}`,
      `${enc(randomUnicode(30))}=${enc(randomUnicode(30))}`,
      "",
      "query=",
      `query=${enc(`{ ${"__typename ".repeat(600)} }`)}`,
    ];
    const param = params[i % params.length]!;
    const headers: Record<string, string> = i % 2 === 0 ? { "apollo-require-preflight": "true" } : {};
    if (i % 5 === 0) headers.accept = rng.pick(["application/graphql-response+json", "text/html", "*/*", "application/json;q=0, text/plain"]);
    return { kind: "get-garbage", method: "GET", path: `/graphql?${param}`, headers };
  });

  // Huge `first` values.
  const firsts = ["101", "1000", "2147483647", "-1", "-2147483648", "2147483648", "99999999999999999999", "1.5", "1e308", "null", '"10"'];
  repeat(80, (i) => {
    const first = firsts[i % firsts.length]!;
    if (i % 3 === 0) return gql("huge-first", `{ concepts(first: ${first}) { totalCount nodes { slug } } }`);
    if (i % 3 === 1) return gql("huge-first", `{ search(query: "service", first: ${first}) { score } }`);
    return gql("huge-first", "query ($n: Int) { concepts(first: $n) { totalCount } search(query: \"lb\", first: $n) { score } }", { n: JSON.parse(first) });
  });

  // search / recommendFromQuestion / compare / concept with hostile strings (YAML and JSON bombs included).
  repeat(250, (i) => {
    const text = hostileString();
    const variant = i % 5;
    if (variant === 0) return gql("hostile-domain", "query ($q: String!) { search(query: $q) { score snippet matchedFields concept { slug } } }", { q: text });
    if (variant === 1) return gql("hostile-domain", "query ($q: String!) { recommendFromQuestion(question: $q) { requirements { clients unrecognized assumptions } recommendation { summary best { manifest } } } }", { q: text });
    if (variant === 2) return gql("hostile-domain", "query ($l: String!, $r: String!) { compare(left: $l, right: $r) { summary rows { left right } } }", { l: text, r: rng.bool() ? "ingress" : hostileString() });
    if (variant === 3) return gql("hostile-domain", "query ($s: String!, $v: String) { concept(slug: $s, kubernetesVersion: $v) { slug lifecycle { statusAt } } }", { s: text, v: rng.bool() ? hostileString() : "1.30" });
    return gql("hostile-domain", "query ($f: ConceptFilter, $a: String, $v: String) { concepts(filter: $f, after: $a, kubernetesVersion: $v) { totalCount } }", { f: { tag: text, availableIn: rng.bool() ? text : null }, a: hostileString(), v: rng.bool() ? null : text });
  });

  // recommendServiceType with invalid CIDRs, IPs, ports, hostnames, names and versions.
  repeat(250, (i) => gql("recommend-invalid", `query ($r: ServiceRequirementsInput!) { recommendServiceType(requirements: $r) ${RECOMMEND_SELECTION} }`, { r: requirementsObject(i % 10 === 0) }));

  // Other endpoints and methods.
  const mcpBodies = ["{", "[]", '{"jsonrpc":"2.0"}', '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"nope"}}', '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}', '{"jsonrpc":"1.0","id":{},"method":5}'];
  repeat(100, (i) => {
    const variant = i % 10;
    if (variant === 0) return raw("other-endpoints", rng.pick(mcpBodies), { "content-type": "application/json", accept: "application/json, text/event-stream" }, "POST", "/mcp");
    if (variant === 1) return raw("other-endpoints", rng.bytes(200), { "content-type": "application/json" }, "POST", "/mcp");
    if (variant === 2) return raw("other-endpoints", undefined, { "if-none-match": randomUnicode(5).replace(/[^\x20-\x7e]/g, "x"), "accept-encoding": "gzip;q=x, br, zstd, *;q=-1" }, "GET", "/export.json");
    if (variant === 3) return raw("other-endpoints", "x", { "content-type": "text/plain" }, "POST", rng.pick(["/healthz", "/readyz", "/metrics", "/export.json", "/"]));
    if (variant === 4) return raw("other-endpoints", undefined, {}, "GET", rng.pick(["/..%2f..%2fetc%2fpasswd", "/%00", "/graphql/../../etc/passwd", "/?query=%ZZ", "/metrics?x=%00", `/${"a".repeat(2000)}`]));
    if (variant === 5) return raw("other-endpoints", validBody, JSON_HEADERS, rng.pick(["PUT", "DELETE", "PATCH"]), "/graphql");
    if (variant === 6) return raw("other-endpoints", undefined, { origin: "https://evil.example", "access-control-request-method": "POST" }, "OPTIONS", "/graphql");
    if (variant === 7) return raw("other-endpoints", undefined, {}, "GET", "/graphql");
    if (variant === 8) return raw("other-endpoints", validBody, { "content-type": "application/json", "x-request-id": randomUnicode(20).replace(/[^\x20-\x7e]/g, "?") }, "POST", "/graphql");
    return raw("other-endpoints", validBody, { "content-type": "application/json", "content-encoding": rng.pick(["gzip", "deflate", "br", "x-bogus"]) }, "POST", "/graphql");
  });

  // Deterministic shuffle (Fisher–Yates) so hostile kinds interleave under concurrency.
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------

const LEAK_MARKERS = ["    at ", "node_modules", PROJECT_ROOT, "/dist/src/", "file:///"];

function check(request: HostileRequest, status: number, contentType: string, text: string): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`status ${status}`);
  for (const marker of LEAK_MARKERS) if (text.includes(marker)) problems.push(`leaks ${JSON.stringify(marker)}`);
  const isGraphQL = request.path === "/graphql" || request.path.startsWith("/graphql?");
  if (!isGraphQL || status === 204 || status === 304) return problems;
  // The one non-JSON answer /graphql may give: the playground page, to a browser navigation that
  // explicitly prefers HTML and carries no operation. A request without Accept is not exempt.
  if (request.method === "GET" && status === 200 && /^text\/html/.test(contentType) && /^text\/html/.test(request.headers.accept ?? "") && !/[?&]query=/.test(request.path)) return problems;
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    return [...problems, `not JSON (${contentType || "no content-type"}): ${JSON.stringify(text.slice(0, 80))}`];
  }
  if (!/json/i.test(contentType)) problems.push(`content-type ${contentType}`);
  if (body === null || typeof body !== "object" || Array.isArray(body)) return [...problems, "body is not a JSON object"];
  if (body.errors !== undefined) {
    if (!Array.isArray(body.errors) || body.errors.length === 0) problems.push("errors is not a non-empty array");
    else
      for (const error of body.errors) {
        const code = error?.extensions?.code;
        if (typeof code !== "string" || !code) problems.push(`error without extensions.code: ${JSON.stringify(error?.message).slice(0, 100)}`);
        // A hostile input must be told what is wrong with it, not crash a resolver.
        else if (code === "INTERNAL_SERVER_ERROR") problems.push(`INTERNAL_SERVER_ERROR at ${JSON.stringify(error.path ?? null)}`);
      }
  } else if (status === 200 && (body.data === undefined || body.data === null)) {
    problems.push("200 without data or errors");
  }
  return problems;
}

interface Outcome {
  readonly kind: string;
  readonly index: number;
  readonly problem: string;
  /** The request and the answer, abbreviated, to reproduce the first failure of each group. */
  readonly example: string;
}

const abbreviate = (text: string, length: number) => JSON.stringify(text.length > length ? `${text.slice(0, length)}…(${text.length})` : text);

function describeExchange(request: HostileRequest, answer: string): string {
  const body = request.body === undefined ? "" : Buffer.isBuffer(request.body) ? `<${request.body.length} bytes>` : abbreviate(request.body, 160);
  return `${request.method} ${abbreviate(request.path, 120)} ${JSON.stringify(request.headers)} ${body} → ${answer}`;
}

// ---------------------------------------------------------------------------------------------

let server: ChildServer;
let rssBefore = 0;
let rssPeak = 0;
let rssAfter = 0;
const failures: Outcome[] = [];
let sent = 0;
let transportFailures = 0;
let aborted = false;
const statusCounts = new Map<number, number>();

const requests = generate(SEED);
const fingerprint = (list: HostileRequest[]) =>
  createHash("sha256").update(JSON.stringify(list.map((r) => [r.kind, r.method, r.path, r.headers, Buffer.isBuffer(r.body) ? r.body.toString("base64") : r.body]))).digest("hex");

async function normalQuery(url: string) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: JSON_HEADERS,
    body: JSON.stringify({ query: '{ serviceTypes { name } concept(slug: "LB") { slug } search(query: "client ip") { concept { slug } } }' }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  // The production command, with its heap limits: memory is judged as it runs in production.
  server = await spawnServer({ DATABASE_URL: `file:${copyOfTemplate()}` }, { asNpmStart: true });
  // Warm up so the baseline includes the lazily built parts (JIT, caches, first-use allocations).
  for (let i = 0; i < 20; i++) await normalQuery(server.url);
  rssBefore = rssMb(server.pid);
  rssPeak = rssBefore;
  const sampler = setInterval(() => {
    try {
      rssPeak = Math.max(rssPeak, rssMb(server.pid));
    } catch {
      // the process is gone; the checks below will say so
    }
  }, 200);
  const started = Date.now();
  try {
    await runBounded(
      requests.map((request, index) => async () => {
        sent++;
        try {
          const response = await fetch(`${server.url}${request.path}`, {
            method: request.method,
            headers: request.headers,
            body: request.body,
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const text = await response.text();
          statusCounts.set(response.status, (statusCounts.get(response.status) ?? 0) + 1);
          for (const problem of check(request, response.status, response.headers.get("content-type") ?? "", text))
            failures.push({ kind: request.kind, index, problem, example: describeExchange(request, `${response.status} ${abbreviate(text, 240)}`) });
        } catch (error) {
          transportFailures++;
          failures.push({ kind: request.kind, index, problem: `no answer: ${fetchErrorCode(error)}`, example: describeExchange(request, String(error)) });
          if (transportFailures >= MAX_TRANSPORT_FAILURES) aborted = true;
        }
      }),
      CONCURRENCY,
      () => aborted,
    );
  } finally {
    clearInterval(sampler);
  }
  console.info(`fuzz: ${sent} requests in ${Date.now() - started} ms; statuses ${JSON.stringify(Object.fromEntries([...statusCounts].sort()))}`);
  rssAfter = rssMb(server.pid);
  rssPeak = Math.max(rssPeak, rssAfter);
  console.info(`fuzz: RSS before ${rssBefore.toFixed(0)} MB, peak ${rssPeak.toFixed(0)} MB, after ${rssAfter.toFixed(0)} MB`);
}, 180_000);

afterAll(async () => {
  await server?.kill();
});

function summary(outcomes: Outcome[]): string {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    const key = `${outcome.kind}: ${outcome.problem.replace(/\d{3,}/g, "N")}`;
    groups.set(key, [...(groups.get(key) ?? []), outcome]);
  }
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, 40)
    .map(([key, group]) => `${group.length}× ${key}\n    e.g. #${group[0]!.index}: ${group[0]!.example}`)
    .join("\n");
}

describe("hostile requests", () => {
  it("generates at least 2,000 deterministic requests of every kind", () => {
    expect(requests.length).toBeGreaterThanOrEqual(2000);
    const kinds = new Set(requests.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(
      [
        "alias-bomb", "batched", "deep-query", "directive-flood", "empty-body", "fragment-bomb", "get-garbage", "huge-body", "huge-first", "hostile-domain",
        "invalid-enum", "invalid-json", "many-tokens", "other-endpoints", "over-long-string", "random-bytes", "recommend-invalid", "unicode", "unknown-field",
        "wrong-content-type", "wrong-variable-type",
      ].sort(),
    );
    // Same seed, same requests.
    expect(fingerprint(generate(SEED))).toBe(fingerprint(requests));
  });

  it("sent every request and got an answer to each", () => {
    expect(aborted, `stopped after ${MAX_TRANSPORT_FAILURES} requests got no answer:\n${summary(failures.filter((f) => f.problem.startsWith("no answer")))}`).toBe(false);
    expect(sent).toBe(requests.length);
    expect(summary(failures.filter((f) => f.problem.startsWith("no answer")))).toBe("");
  });

  it("never answers 5xx, always answers /graphql with JSON and coded errors, never leaks internals", () => {
    expect(summary(failures.filter((f) => !f.problem.startsWith("no answer")))).toBe("");
  });

  it("still answers a normal query afterwards", async () => {
    const { status, body } = await normalQuery(server.url);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.serviceTypes).toHaveLength(4);
    expect(body.data.concept).toEqual({ slug: "load-balancer" });
  });

  it("keeps its memory bounded (RSS below 300 MB, grown by less than 150 MB)", () => {
    expect(rssPeak).toBeLessThan(300);
    expect(rssAfter).toBeLessThan(300);
    expect(rssAfter - rssBefore).toBeLessThan(150);
  });
});
