// A JSON module imported with { type: "json" } from an .mjs file: its
// namespace has only default (the parsed value: keys are not named
// exports), and import() with the same attribute gives the same objects.
import data from "./data.json" with { type: "json" };
import * as ns from "./data.json" with { type: "json" };
console.log(data.name, data.list.length, data.default);
console.log(Reflect.ownKeys(ns), ns.default === data, Object.getPrototypeOf(ns));
import("./data.json", { with: { type: "json" } }).then((d) => console.log(d === ns, d.default === data));
