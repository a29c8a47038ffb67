import { helper, bump, count } from "./shared.mjs";
function helper2() {}
const helperLocal = () => "a";
bump();
console.log("a", helper(), helper.name, count, helperLocal.name);
export const fromA = "A";
