const name = "lazy";
import("./lazy.js").then((m) => m.run());
import("./" + name + ".js"); // a pattern: every .js file here and below, this one too
import(name); // not a string nor a relative pattern: left to the runtime, with a warning
