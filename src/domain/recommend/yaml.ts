// A block-style YAML emitter for the plain JSON-like objects the manifest builder produces.
// The `yaml` package's stringify took about 140 µs per recommendation (it builds a document
// tree first); this writes the text directly in a few µs. Strings are written plain only when
// no YAML 1.1 or 1.2 parser (kubectl's included) could read them as anything but that string;
// everything else is double-quoted with JSON escapes, which are valid YAML escapes.

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

const PLAIN = /^[A-Za-z/][A-Za-z0-9_./-]*$/;
// Booleans and nulls in YAML 1.1 (y, yes, on…) as well as 1.2.
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null)$/i;

export function yamlScalar(value: unknown): string {
  if (typeof value === "string") return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
  if ((typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean" || value === null) return String(value);
  throw new Error(`cannot write ${String(value)} in a manifest`);
}

// Keys come from the manifest builder and the rules, a small fixed vocabulary: each is checked
// once. Bounded anyway, in case a key ever comes from a request.
const keys = new Map<string, string>();
function yamlKey(key: string): string {
  let written = keys.get(key);
  if (written === undefined) {
    written = yamlScalar(key);
    if (keys.size < 1000) keys.set(key, written);
  }
  return written;
}

const isCollection = (value: Json): value is readonly Json[] | { readonly [key: string]: Json } => typeof value === "object" && value !== null;
const isEmpty = (value: readonly Json[] | { readonly [key: string]: Json }) =>
  Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;

/** Writes `value` (a mapping or sequence) at `indent`; `first` prefixes its first line, e.g. "- ". */
function write(out: string[], value: readonly Json[] | { readonly [key: string]: Json }, indent: string, first: string): void {
  let prefix = first;
  if (Array.isArray(value)) {
    for (const item of value as readonly Json[]) {
      const line = `${prefix}- `;
      if (isCollection(item) && !isEmpty(item)) write(out, item, `${indent}  `, line);
      else out.push(`${line}${isCollection(item) ? (Array.isArray(item) ? "[]" : "{}") : yamlScalar(item)}\n`);
      prefix = indent;
    }
    return;
  }
  for (const key of Object.keys(value)) {
    const item = (value as { readonly [key: string]: Json })[key];
    if (item === undefined) continue;
    const line = `${prefix}${yamlKey(key)}:`;
    if (isCollection(item) && !isEmpty(item)) {
      out.push(`${line}\n`);
      // Sequences under a key are indented like kubectl and the yaml package write them.
      write(out, item, `${indent}  `, `${indent}  `);
    } else {
      out.push(`${line} ${isCollection(item) ? (Array.isArray(item) ? "[]" : "{}") : yamlScalar(item)}\n`);
    }
    prefix = indent;
  }
}

/** One YAML document for a non-empty mapping of JSON-like values, ending in a newline. */
export function toYaml(document: Readonly<Record<string, unknown>>): string {
  const out: string[] = [];
  write(out, document as { readonly [key: string]: Json }, "", "");
  return out.join("");
}
