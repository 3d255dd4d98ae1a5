// Two or three plain sentences for people and chatbots; the structured fields carry the detail.
import type { NetworkingOption, RecommendedOption, RejectedOption } from "./requirements.js";

/** First sentence, without Markdown code marks or emphasis. */
function plain(text: string): string {
  const cleaned = text.replace(/[`*_]{1,2}([^`*_]+)[`*_]{1,2}/g, "$1").replace(/[`*#]/g, "").replace(/\s+/g, " ").trim();
  const first = /^(.+?[.!?])(\s|$)(?=[A-Z(]|$)/.exec(cleaned)?.[1] ?? cleaned;
  return first.replace(/[.!?]$/, "");
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function summarize(
  best: RecommendedOption,
  alternatives: readonly RecommendedOption[],
  rejected: readonly RejectedOption[],
  warnings: readonly string[],
  label: (option: NetworkingOption) => string,
): string {
  const why = best.reasons[0] ? `: ${plain(best.reasons[0].text)}` : "";
  const sentences = [`Use ${label(best.option)}${why}.`];
  if (alternatives.length) {
    sentences.push(`Alternatives, best first: ${list(alternatives.slice(0, 3).map((a) => label(a.option)))}.`);
  }
  const notes: string[] = [];
  if (rejected.length) notes.push(`${rejected.length} option${rejected.length === 1 ? " is" : "s are"} ruled out`);
  if (warnings.length) notes.push(`${warnings.length} warning${warnings.length === 1 ? "" : "s"} to read before applying the manifest`);
  if (notes.length) sentences.push(`${capitalize(list(notes))}.`);
  return sentences.join(" ");
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
