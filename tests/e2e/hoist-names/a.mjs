// Top-level names that collide with b.mjs's and index.mjs's: scope
// hoisting renames some, and renaming must never show.
export function helper() { return "a.helper"; }
export class Thing { static kind = this.name; describe() { return Thing.name + "/" + this.constructor.name; } }
export const make = () => "a.make";
export const Klass = class {};
export let later;
later = function () {};
export default function () { return "a.default"; }
export const Map = "a's own Map"; // a global name: the others still see the real Map
