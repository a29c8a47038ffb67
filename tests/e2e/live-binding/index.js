import { count, inc, reset } from "./counter.js";
import * as c from "./counter.js";
console.log(count);
inc(); inc();
console.log(count, c.count);
reset();
console.log(count);
