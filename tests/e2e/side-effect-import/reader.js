export function read() { return globalThis.__setting; }
