import fs from "fs";
import { join } from "node:path";
const os = require("os");
console.log(fs, join, os);
