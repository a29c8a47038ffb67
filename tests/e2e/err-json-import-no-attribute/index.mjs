// An ES module importing JSON without { type: "json" }: Node refuses it
// (TypeError [ERR_IMPORT_ATTRIBUTE_MISSING], before anything runs).
import data from "./data.json";
console.log(data.a);
