import path from "node:path";
import { join } from "node:path";
import * as os from "node:os";
console.log(path.join("a", "b"), join("c", "d"), typeof os.platform);
