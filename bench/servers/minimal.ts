// (b) The framework baseline: Apollo Server 5 on Express 5 with the project's schema.graphql, whose
// resolvers only read stored answers. For each operation name the parent sends the real server's
// `data` (fetched with __typename on every selection set so interfaces resolve); the field resolver
// returns the stored value under the field's response key. What is left is Apollo, Express and
// graphql-js executing the same document over the same shape.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@as-integrations/express5";
import express from "express";
import { Kind, type DocumentNode, type GraphQLFieldResolver } from "graphql";
import { onParentMessage, send } from "./ipc.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const typeDefs = readFileSync(path.join(root, "schema.graphql"), "utf8");
const stored = new Map<string, unknown>();

function operationName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value;
  }
  return undefined;
}

const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, _args, _context, info) =>
  source !== null && typeof source === "object" ? (source as Record<string, unknown>)[info.path.key as string] : undefined;

const apollo = new ApolloServer({
  typeDefs,
  fieldResolver,
  rootValue: (document: DocumentNode) => stored.get(operationName(document) ?? ""),
});
await apollo.start();

const app = express();
app.disable("x-powered-by");
app.use("/graphql", express.json({ limit: "100kb" }), expressMiddleware(apollo));
const httpServer = http.createServer(app);

onParentMessage((message: { type: string; operationName?: string; data?: unknown }) => {
  if (message.type === "setData" && message.operationName) stored.set(message.operationName, message.data);
});

httpServer.listen(0, "127.0.0.1", () => {
  const address = httpServer.address();
  send({ type: "ready", port: typeof address === "object" && address ? address.port : 0 });
});
