// Reading a user's manifests: multi-document YAML (JSON is YAML too), with the caps checked before
// any parsing so oversized input and alias bombs cost nothing. A syntax error is a finding with
// line and column, not an exception; a refused input is a BAD_USER_INPUT error.
import { loadAll } from "js-yaml";
import { LineCounter, parseAllDocuments } from "yaml";
import { badInput } from "../errors.js";

/** Largest input accepted, in UTF-8 bytes (1 MiB). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Most YAML documents accepted in one input (items of a `kind: List` count with their list). */
export const MAX_MANIFEST_DOCUMENTS = 500;
/** Most objects after `kind: List` items are unpacked. */
export const MAX_MANIFEST_OBJECTS = 2000;
/** Aliases a document may expand; more is treated as an alias bomb ("billion laughs"). */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of lists and mappings accepted (Kubernetes objects stay far below it). */
export const MAX_NESTING = 100;

export interface SyntaxProblem {
  readonly documentIndex: number;
  readonly message: string;
  readonly line: number | null;
  readonly column: number | null;
}

export interface InputObject {
  /** Index of the YAML document in the input, from 0; items of a `kind: List` share the list's index. */
  readonly documentIndex: number;
  /** Where the object sits inside its document when it came from a `kind: List` ("items[2]"), else "". */
  readonly pathPrefix: string;
  readonly value: unknown;
}

export interface ParsedInput {
  readonly objects: readonly InputObject[];
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** Documents that hold nothing (e.g. a trailing `---`). */
  readonly emptyDocuments: number;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Counts `---` document markers cheaply, so a 100,000-document input is refused before parsing. */
function roughDocumentCount(text: string): number {
  let count = 1;
  for (let i = text.indexOf("---"); i !== -1; i = text.indexOf("---", i + 3)) {
    if ((i === 0 || text.charCodeAt(i - 1) === 10) && (i + 3 === text.length || " \t\r\n".includes(text[i + 3]!))) count++;
  }
  return count;
}

export function parseManifests(text: string): ParsedInput {
  if (text.length > MAX_MANIFEST_BYTES || utf8Length(text) > MAX_MANIFEST_BYTES) {
    throw badInput(`The manifests are larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB; analyse them in smaller parts.`, "manifests");
  }
  if (roughDocumentCount(text) > MAX_MANIFEST_DOCUMENTS + 1) {
    throw badInput(`The manifests hold more than ${MAX_MANIFEST_DOCUMENTS} YAML documents; analyse them in smaller parts.`, "manifests");
  }
  // Fast path: js-yaml (about ten times faster than the yaml library's document model) for input
  // without aliases, duplicate keys or syntax errors. Anything else is read again by the yaml
  // library, which reports every problem per document with its line and column and limits aliases.
  let values: unknown[] | null = null;
  try {
    values = loadAll(text, { maxAliases: 0, maxDepth: MAX_NESTING });
  } catch {
    values = null;
  }
  const documents = values ?? readCarefully(text);
  if (documents.length > MAX_MANIFEST_DOCUMENTS) {
    throw badInput(`The manifests hold ${documents.length} YAML documents; at most ${MAX_MANIFEST_DOCUMENTS} are analysed at once.`, "manifests");
  }
  const objects: InputObject[] = [];
  const syntaxProblems: SyntaxProblem[] = [];
  let emptyDocuments = 0;
  documents.forEach((doc, documentIndex) => {
    if (doc instanceof SyntaxFailure) {
      syntaxProblems.push(...doc.problems.map((p) => ({ ...p, documentIndex })));
      return;
    }
    const value = doc;
    if (value === null || value === undefined) {
      emptyDocuments++;
      return;
    }
    if (isRecord(value) && typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items)) {
      value.items.forEach((item, i) => objects.push({ documentIndex, pathPrefix: `items[${i}]`, value: item }));
      if (!value.items.length) emptyDocuments++;
    } else {
      objects.push({ documentIndex, pathPrefix: "", value });
    }
    if (objects.length > MAX_MANIFEST_OBJECTS) {
      throw badInput(`The manifests hold more than ${MAX_MANIFEST_OBJECTS} objects; analyse them in smaller parts.`, "manifests");
    }
  });
  return { objects, syntaxProblems, emptyDocuments };
}

const firstLine = (message: string) => message.split("\n")[0]!.trim();

class SyntaxFailure {
  constructor(readonly problems: Omit<SyntaxProblem, "documentIndex">[]) {}
}

/** Nesting deeper than `limit`, checked without recursion. */
function tooDeep(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return false;
}

/** The yaml library's reading: per-document errors with positions, and alias expansion with a limit. */
function readCarefully(text: string): (unknown | SyntaxFailure)[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: false });
  const list = Array.isArray(docs) ? docs : [];
  if (list.length > MAX_MANIFEST_DOCUMENTS) {
    throw badInput(`The manifests hold ${list.length} YAML documents; at most ${MAX_MANIFEST_DOCUMENTS} are analysed at once.`, "manifests");
  }
  return list.map((doc, documentIndex) => {
    if (doc.errors.length) {
      return new SyntaxFailure(
        doc.errors.slice(0, 3).map((error) => {
          const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
          return { message: firstLine(error.message), line: pos?.line ?? null, column: pos?.col ?? null };
        }),
      );
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (error instanceof ReferenceError && /excessive alias count/i.test(error.message)) {
        throw badInput(`YAML document ${documentIndex} expands too many aliases (more than ${MAX_ALIAS_COUNT}); the input is refused.`, "manifests");
      }
      if (error instanceof RangeError) throw badInput(`YAML document ${documentIndex} is nested too deeply.`, "manifests");
      const pos = lineCounter.linePos(doc.range[0]);
      return new SyntaxFailure([{ message: error instanceof Error ? firstLine(error.message) : "unreadable YAML", line: pos.line, column: pos.col }]);
    }
    if (tooDeep(value, MAX_NESTING)) throw badInput(`YAML document ${documentIndex} is nested more than ${MAX_NESTING} levels deep; Kubernetes objects are not.`, "manifests");
    return value;
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
