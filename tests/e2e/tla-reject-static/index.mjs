// A statically imported module's top-level await rejects: the program
// fails with that error (exit 1); modules that do not depend on it ran.
import "./ok.mjs";
import "./bad.mjs";
console.log("never: index");
