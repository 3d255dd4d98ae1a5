// Picks the Service fields for a chosen option from the setting rules, honouring the
// Kubernetes version: a field the version lacks is replaced by its fallback or left out with a warning.
import { compareVersions } from "../lifecycle.js";
import type { NetworkingOption, SpecSetting } from "./requirements.js";
import { matches, type Facts, type RecommendationRules, type SettingRule, type SettingValue } from "./rules.js";

export interface AppliedSetting extends SpecSetting {
  readonly raw: SettingValue;
}

export interface SettingsResult {
  readonly settings: readonly AppliedSetting[];
  /** Warnings with the source URLs of the rule appended. */
  readonly warnings: readonly string[];
}

export function formatValue(value: SettingValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function valueOf(rule: SettingRule, facts: Facts): SettingValue | null {
  if (rule.valueFrom) {
    const v = facts[rule.valueFrom];
    return v === null || (Array.isArray(v) && v.length === 0) ? null : (v as SettingValue);
  }
  return rule.value ?? null;
}

export function cite(text: string, urls: readonly string[]): string {
  return urls.length ? `${text} (${urls.join(", ")})` : text;
}

const settingsByIdOf = new WeakMap<RecommendationRules, ReadonlyMap<string, SettingRule>>();

/** Indexed once per rules object (the rules never change), not once per option and request. */
function settingsById(rules: RecommendationRules): ReadonlyMap<string, SettingRule> {
  let byId = settingsByIdOf.get(rules);
  if (!byId) settingsByIdOf.set(rules, (byId = new Map(rules.settings.map((s) => [s.id, s]))));
  return byId;
}

export function computeSettings(
  option: NetworkingOption,
  facts: Facts,
  rules: RecommendationRules,
  urlsOf: (ids: readonly string[]) => string[],
): SettingsResult {
  const byId = settingsById(rules);
  const settings: AppliedSetting[] = [];
  const warnings: string[] = [];
  for (const rule of rules.settings) {
    if (rule.fallbackOnly || !rule.options.includes(option) || !matches(rule.when, facts)) continue;
    let chosen: SettingRule | undefined = rule;
    const seen = new Set<string>();
    // Walk the fallback chain until a rule the version supports, e.g. PreferSameZone -> PreferClose.
    while (chosen && chosen.since && compareVersions(facts.kubernetesVersion, chosen.since) < 0 && !seen.has(chosen.id)) {
      seen.add(chosen.id);
      const next: SettingRule | undefined = chosen.fallback ? byId.get(chosen.fallback) : undefined;
      const shown = valueOf(chosen, facts);
      const instead = next ? `; using ${next.path}: ${formatValue(valueOf(next, facts) ?? "")} instead` : "; it was left out of the manifest";
      warnings.push(
        cite(
          `${chosen.path}: ${formatValue(shown ?? "")} is not enabled by default before Kubernetes ${chosen.since} (you target ${facts.kubernetesVersion})${instead}.`,
          urlsOf(chosen.sources),
        ),
      );
      chosen = next;
    }
    if (!chosen) continue;
    const value = valueOf(chosen, facts);
    if (value === null) continue;
    if (settings.some((s) => s.path === chosen.path)) continue;
    settings.push({ path: chosen.path, value: formatValue(value), raw: value, why: chosen.why });
    if (chosen.warning) warnings.push(cite(chosen.warning, urlsOf(chosen.sources)));
  }
  return { settings, warnings };
}

/** Splits `metadata.annotations["a.b/c"]` into ["metadata", "annotations", "a.b/c"]. */
export function parsePath(path: string): string[] {
  return [...path.matchAll(/([^.[\]"]+)|\["([^"]+)"\]/g)].map((m) => m[2] ?? m[1] ?? "");
}

export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = parsePath(path);
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (typeof next !== "object" || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys[keys.length - 1]!] = value;
}

export function getPath(target: unknown, path: string): unknown {
  return parsePath(path).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], target);
}
