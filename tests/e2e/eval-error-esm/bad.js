globalThis.runs++;
export const v = 1;
throw new Error("boom " + globalThis.runs);
