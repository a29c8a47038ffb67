// A module imported statically and by import(): it is the entry's, no
// chunk is loaded for it, and import() gives the same namespace.
import * as both from "./both.js";
import("./both.js").then((ns) => {
  console.log(ns === both, ns.value, both.calls());
  return import("./other.js");
}).then((o) => console.log(o.fromBoth, both.calls()));
