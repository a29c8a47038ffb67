const { GraphQLString, GraphQLObjectType, GraphQLSchema, graphqlSync, isSchema } = require("graphql");
exports.type = GraphQLString;
exports.schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: "Query", fields: { fromCjs: { type: GraphQLString, resolve: () => "cjs" } } }),
});
exports.isSchema = isSchema;
exports.run = (schema, source) => graphqlSync({ schema, source });
