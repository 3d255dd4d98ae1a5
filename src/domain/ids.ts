// Opaque global IDs for the Node interface. Derived from the entity's type and natural key
// (never a row number), so an ID survives a rebuild of the database.
export type NodeType = "Concept" | "ServiceType" | "Source" | "Dimension" | "Capability" | "ComparisonFact" | "Guide";

const NODE_TYPES: readonly NodeType[] = ["Concept", "ServiceType", "Source", "Dimension", "Capability", "ComparisonFact", "Guide"];

export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, "utf8").toString("base64url");
}

/** Returns null for anything that is not an ID this service issued. */
export function fromGlobalId(id: string): { type: NodeType; key: string } | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(id)) return null;
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const type = decoded.slice(0, colon) as NodeType;
  const key = decoded.slice(colon + 1);
  return NODE_TYPES.includes(type) && key ? { type, key } : null;
}
