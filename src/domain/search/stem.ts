// A compact Porter (1980) stemmer. Index and query go through the same function, so what matters
// is that inflections collapse together ("routes", "routing", "route" → "rout"), not that stems are words.

const VOWELS = new Set(["a", "e", "i", "o", "u"]);

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === undefined || VOWELS.has(c)) return false;
  return c === "y" ? i === 0 || !isConsonant(w, i - 1) : true;
}

/** Porter's m: the number of vowel-consonant runs in w[0, end). */
function measure(w: string, end: number): number {
  let i = 0;
  let m = 0;
  while (i < end && isConsonant(w, i)) i++;
  while (i < end) {
    while (i < end && !isConsonant(w, i)) i++;
    if (i >= end) break;
    m++;
    while (i < end && isConsonant(w, i)) i++;
  }
  return m;
}

function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isConsonant(w, i)) return true;
  return false;
}

/** Consonant-vowel-consonant ending whose last letter is not w, x or y (e.g. "hop", not "snow"). */
function cvc(w: string, end: number): boolean {
  if (end < 3) return false;
  const last = w[end - 1]!;
  return isConsonant(w, end - 3) && !isConsonant(w, end - 2) && isConsonant(w, end - 1) && !"wxy".includes(last);
}

function doubleConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

type Rule = readonly [suffix: string, replacement: string];

const STEP2: readonly Rule[] = [
  ["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["izer", "ize"], ["bli", "ble"],
  ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"], ["ization", "ize"], ["ation", "ate"],
  ["ator", "ate"], ["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"], ["aliti", "al"],
  ["iviti", "ive"], ["biliti", "ble"], ["logi", "log"],
];
const STEP3: readonly Rule[] = [
  ["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"], ["ical", "ic"], ["ful", ""], ["ness", ""],
];
const STEP4 = [
  "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti",
  "ous", "ive", "ize",
].sort((a, b) => b.length - a.length);

/** Porter applies only the longest matching suffix; a failed condition does not fall back to a shorter one. */
function applyRules(w: string, rules: readonly Rule[], minMeasure: number): string {
  let best: Rule | undefined;
  for (const rule of rules) if (w.endsWith(rule[0]) && (!best || rule[0].length > best[0].length)) best = rule;
  if (!best) return w;
  const stem = w.length - best[0].length;
  return measure(w, stem) > minMeasure ? w.slice(0, stem) + best[1] : w;
}

function step1(w: string): string {
  if (w.endsWith("sses") || w.endsWith("ies")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);

  if (w.endsWith("eed")) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1);
  } else {
    const suffix = w.endsWith("ed") ? 2 : w.endsWith("ing") ? 3 : 0;
    if (suffix > 0 && hasVowel(w, w.length - suffix)) {
      w = w.slice(0, -suffix);
      if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
      else if (doubleConsonant(w) && !"lsz".includes(w[w.length - 1]!)) w = w.slice(0, -1);
      else if (measure(w, w.length) === 1 && cvc(w, w.length)) w += "e";
    }
  }
  if (w.endsWith("y") && hasVowel(w, w.length - 1)) w = w.slice(0, -1) + "i";
  return w;
}

function step4(w: string): string {
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue;
    const stem = w.length - suffix.length;
    const ok = suffix !== "ion" || w[stem - 1] === "s" || w[stem - 1] === "t";
    return ok && measure(w, stem) > 1 ? w.slice(0, stem) : w;
  }
  return w;
}

function step5(w: string): string {
  if (w.endsWith("e")) {
    const m = measure(w, w.length - 1);
    if (m > 1 || (m === 1 && !cvc(w, w.length - 1))) w = w.slice(0, -1);
  }
  if (w.endsWith("ll") && measure(w, w.length) > 1) w = w.slice(0, -1);
  return w;
}

/** "ips" → "ip" and "lbs" → "lb", while "dns", "tls" and "aws" are not plurals. */
const SHORT_PLURALS = new Set(["ips", "lbs", "ids"]);

/** Stems a lower-case token. Tokens with digits ("ipv4", "l7", "k8s") and short ones stay as they are. */
export function stem(token: string): string {
  if (SHORT_PLURALS.has(token)) return token.slice(0, -1);
  if (token.length <= 3 || /\d/.test(token)) return token;
  return step5(step4(applyRules(applyRules(step1(token), STEP2, 0), STEP3, 0)));
}
