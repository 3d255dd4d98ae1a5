// The MCP input schema of recommend_service_type must say what schema.graphql says: the same
// fields, required-ness, enum values and descriptions as ServiceRequirementsInput.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { GraphQLEnumType, buildSchema, getNamedType, isListType, isNonNullType, type GraphQLInputObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ENUM_VALUE_DESCRIPTIONS, FIELD_DESCRIPTIONS, requirementsSchema } from "../../src/mcp/requirementsSchema.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const schema = buildSchema(readFileSync(path.join(ROOT, "schema.graphql"), "utf8"));
const input = schema.getType("ServiceRequirementsInput") as GraphQLInputObjectType;
const json = z.toJSONSchema(requirementsSchema, { io: "input" }) as { properties: Record<string, any>; required: string[] };

describe("recommend_service_type input schema", () => {
  it("has exactly the fields of ServiceRequirementsInput, with only clients required", () => {
    expect(Object.keys(json.properties).sort()).toEqual(Object.keys(input.getFields()).sort());
    expect(json.required).toEqual(Object.values(input.getFields()).filter((f) => isNonNullType(f.type)).map((f) => f.name));
  });

  it.each(Object.values(input.getFields()).map((f) => [f.name, f] as const))("%s matches schema.graphql", (name, field) => {
    const property = json.properties[name];
    expect(FIELD_DESCRIPTIONS[name as keyof typeof FIELD_DESCRIPTIONS]).toBe(field.description);
    expect(property.description.startsWith(field.description!)).toBe(true);
    const named = getNamedType(field.type);
    const type = isNonNullType(field.type) ? field.type.ofType : field.type;
    const item = isListType(type) ? property.items : property;
    if (isListType(type)) expect(property.type).toBe("array");
    if (named instanceof GraphQLEnumType) {
      expect(item.enum).toEqual(named.getValues().map((v) => v.name));
      const meanings = ENUM_VALUE_DESCRIPTIONS[named.name as keyof typeof ENUM_VALUE_DESCRIPTIONS] as Record<string, string>;
      for (const value of named.getValues()) {
        expect(meanings[value.name]).toBe(value.description);
        expect(property.description).toContain(`${value.name}: ${value.description}`);
      }
    } else {
      expect(item.type).toBe({ Int: "integer", Boolean: "boolean", String: "string" }[named.name]);
    }
  });
});
