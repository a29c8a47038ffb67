import { tag } from "./util.js";
export const name = tag("outer");
export function loadInner() { return import("./inner.js"); }
