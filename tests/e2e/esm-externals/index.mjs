import fs from 'fs';
import { readFileSync } from 'node:fs';
import * as path from 'path';
import './b.mjs';
import c from './c.cjs';
console.log(typeof fs.readFileSync, readFileSync === fs.readFileSync, path.basename('/a/b.txt'), c, typeof require, typeof module);
