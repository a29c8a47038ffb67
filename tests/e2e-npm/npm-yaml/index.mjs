// yaml 2 (CommonJS, exports with a node condition) imported from an ES
// module: parse, stringify, documents and errors.
import YAML, { parse, stringify, parseDocument, YAMLParseError } from "yaml";
const text = "name: bale\nlist:\n  - 1\n  - two\nnested:\n  ok: true\n  when: 2024-01-02\n";
const value = parse(text);
console.log(JSON.stringify(value));
console.log(stringify({ b: [1, { c: "d" }], a: "x: y", e: null }));
const doc = parseDocument("# comment\nkey: value # trailing\n");
doc.set("added", [1, 2]);
console.log(doc.toString().trim());
try {
  parse("a: [1, 2\nb: c");
} catch (e) {
  console.log(e instanceof YAMLParseError, e.code, e.name);
}
console.log(YAML.parse === parse, typeof YAML.Document);
