// The error names the CommonJS file and the first construct strict mode
// rejects in it.
import legacy from "./legacy.cjs";
console.log(legacy.mode, legacy.octal, legacy.escape.charCodeAt(0));
