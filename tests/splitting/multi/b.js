import { shared, bump } from "./shared.js";
import { onlyB } from "./b-only.js";
console.log("b", shared, onlyB, bump());
export const done = import("./lazy.js").then((m) => console.log("b lazy", m.v));
