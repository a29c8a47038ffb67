import { shared, bump } from "./shared.js";
console.log("a", shared, bump());
export const done = import("./lazy.js").then((m) => console.log("a lazy", m.v, bump()));
