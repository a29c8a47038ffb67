import { shared, bump } from "./shared.js";
console.log("a", shared, bump());
import("./lazy.js").then((m) => console.log("a lazy", m.v, bump()));
