import { n } from "./counter.js";
import { n as m } from "./sub/../counter.js";
import * as c from "./counter.js";
console.log(n, m, c.n);
