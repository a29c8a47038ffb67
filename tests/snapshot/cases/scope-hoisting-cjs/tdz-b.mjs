import { value, hoisted } from "./tdz-a.mjs";
let seen;
try { seen = value; } catch (e) { seen = e.constructor.name; }
export const early = [seen, hoisted()];
