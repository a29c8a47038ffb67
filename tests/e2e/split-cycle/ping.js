export const name = "ping";
export function other() { return import("./pong.js"); }
