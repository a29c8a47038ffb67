import fs from "fs";
import fsNode from "node:fs";
import * as pathNs from "path";
import * as pathNs2 from "node:path";
import pathDefault, { join } from "node:path";
export const a = { fs, fsNode, pathNs, pathNs2, pathDefault, join };
