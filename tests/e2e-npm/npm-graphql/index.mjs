// graphql 16 from an ES module: build a schema, execute a query, validate
// a bad one.
import { buildSchema, graphqlSync, parse, validate, GraphQLError, version } from "graphql";
const schema = buildSchema(`
  type Query { hello(name: String = "world"): String, items: [Item!]! }
  type Item { id: ID!, size: Int }
`);
const rootValue = {
  hello: ({ name }) => `hello ${name}`,
  items: () => [{ id: 1, size: 2 }, { id: "b", size: null }],
};
console.log(JSON.stringify(graphqlSync({ schema, rootValue, source: '{ hello, other: hello(name: "bale"), items { id size } }' })));
const errors = validate(schema, parse("{ nope }"));
console.log(errors.length, errors[0] instanceof GraphQLError, errors[0].message);
console.log(typeof version, version.split(".")[0]);
