import { add, mul as times } from "./math.js";
import { PI } from "./math.js";
console.log(add(2, 3), times(4, 5), PI);
