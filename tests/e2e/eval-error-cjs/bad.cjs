globalThis.runs++;
exports.partial = true;
throw new Error("boom " + globalThis.runs);
