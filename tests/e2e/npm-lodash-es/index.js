import _ from "../../npm/node_modules/lodash-es/lodash.js";
import { chunk, groupBy, camelCase, sortBy, uniq, template } from "../../npm/node_modules/lodash-es/lodash.js";
console.log(JSON.stringify(chunk([1, 2, 3, 4, 5], 2)));
console.log(JSON.stringify(groupBy(["one", "two", "three"], "length")));
console.log(camelCase("Foo Bar-baz"), uniq([3, 1, 3, 2]).join(","));
console.log(JSON.stringify(sortBy([{ n: 3 }, { n: 1 }], "n")));
console.log(template("hi <%= who %>")({ who: "bale" }), _.VERSION, _.map([1, 2], (x) => x * 3).join(","));
