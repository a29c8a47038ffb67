import fs from "fs";
import cjs, { named } from "./lib.cjs";
import data from "./d.json" with { type: "json" };
console.log(typeof fs.readFileSync, cjs, named, data);
const lang = "en";
import(`./lang/${lang}.mjs`).then((m) => console.log(m.default));
