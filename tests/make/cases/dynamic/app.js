const name = "lazy";
import("./lazy.js").then((m) => m.run());
import("./" + name + ".js"); // not a string: left to the runtime
