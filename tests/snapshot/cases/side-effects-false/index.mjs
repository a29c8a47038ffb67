// "sideEffects" in a package.json, read as webpack and esbuild read it: a
// module it says is free of side effects is left out when none of its own
// code is used, and its imports go with it (noisy.js), though names
// re-exported through it still bind where they are declared (used); a
// module the list names runs where a kept module imports it (effect.js).
import { used } from "lib";
console.log(used());
