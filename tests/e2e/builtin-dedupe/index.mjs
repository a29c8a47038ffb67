// The same built-in imported by several modules, under both spellings
// (fs and node:fs) and from CommonJS too, is one module: the same objects.
import fs from "fs";
import * as pathNs from "path";
import { a } from "./a.mjs";
import b from "./b.cjs";
console.log(a.fs === fs, a.fsNode === fs, b.fs === fs, b.fsNode === fs);
console.log(a.pathNs === pathNs, a.pathNs2 === pathNs, a.pathDefault === pathNs.default, b.path === pathNs.default);
console.log(a.join === pathNs.join, b.path.join === a.join);
