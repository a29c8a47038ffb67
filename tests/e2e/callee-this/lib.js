export function who() { return this === undefined ? "undefined this" : typeof this; }
