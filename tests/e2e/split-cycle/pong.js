export const name = "pong";
export function other() { return import("./ping.js"); }
