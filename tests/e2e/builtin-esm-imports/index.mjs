// Node's built-ins imported from an ES module: a default import is the
// module itself (module.exports), named imports are its properties, and a
// namespace has both (default plus every own name).
import fs from "fs";
import { readFileSync } from "node:fs";
import * as path from "path";
import { EventEmitter } from "node:events";
import events from "events";
console.log(typeof fs, typeof fs.readFileSync, fs.readFileSync === readFileSync);
console.log(readFileSync("data.txt", "utf8").trim());
console.log(path.basename("/a/b/c.txt"), path.sep, path.join("x", "y"));
console.log(typeof path.default, path.default.join === path.join, Object.getPrototypeOf(path), Object.isExtensible(path));
console.log("default" in path, Object.keys(path).includes("default"), path[Symbol.toStringTag]);
console.log(events === EventEmitter, typeof EventEmitter.once);
