import { y, def, again } from "./re.js";
console.log(y, def, again);
