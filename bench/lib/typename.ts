// Adds __typename to every selection set, like Apollo Client's addTypename, so the stored answers
// that server (b) replays carry what graphql-js needs to resolve interfaces.
import { Kind, parse, print, visit, type FieldNode, type SelectionSetNode } from "graphql";

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } };

export function withTypename(query: string): string {
  const document = visit(parse(query), {
    SelectionSet: {
      leave(node: SelectionSetNode, _key, parent) {
        // The operation's own selection set is the root: Query.__typename is never needed there.
        if (parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION) return undefined;
        const has = node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "__typename" && !s.alias);
        return has ? undefined : { ...node, selections: [...node.selections, TYPENAME] };
      },
    },
  });
  return print(document);
}
