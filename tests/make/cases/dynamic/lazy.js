export function run() { return import("./lazier.js"); }
