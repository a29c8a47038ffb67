// graphql imported by an ES module and required by a CommonJS module.
// graphql has no exports map: Node's import follows main ("index", the
// CommonJS build) as require does, so both get the same copy and its
// classes match; a bundle must give what Node gives.
import { GraphQLString, GraphQLObjectType, GraphQLSchema, graphqlSync, isSchema } from "graphql";
import cjs from "./schema.cjs";
console.log(cjs.type === GraphQLString, cjs.schema instanceof GraphQLSchema, isSchema(cjs.schema));
const esmSchema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: "Query", fields: { fromEsm: { type: GraphQLString, resolve: () => "esm" } } }),
});
console.log(cjs.isSchema(esmSchema), JSON.stringify(graphqlSync({ schema: cjs.schema, source: "{ fromCjs }" })));
console.log(JSON.stringify(cjs.run(esmSchema, "{ fromEsm }")));
