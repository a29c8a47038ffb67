// Top-level await in the entry itself: an importer of the entry (the
// export checker) sees its exports once the await is over.
export let value = "before";
export const early = "early";
console.log("entry start");
value = await new Promise((resolve) => setTimeout(() => resolve("after"), 5));
export const late = value + "!";
export function get() { return value; }
console.log("entry end", value, late);
