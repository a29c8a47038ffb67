import d from "./b.mjs";
let seen;
try { seen = typeof d; } catch (e) { seen = e.constructor.name; }
export const early = seen;
