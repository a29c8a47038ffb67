import "./esm/probe.js";
import "./esm/side.cjs";
import cjs from "./cjs/probe.js";
console.log("cjs exports:", JSON.stringify(cjs));
