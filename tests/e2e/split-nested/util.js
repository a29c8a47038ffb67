export function tag(s) { return "[" + s + "]"; }
