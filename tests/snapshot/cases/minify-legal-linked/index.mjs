// The legal comments of the modules go to the end of a minified bundle,
// each once, in module order (--legal-comments=eof, the default).
import "./lib.mjs";
/*! lib: kept, once */
console.log(2);
