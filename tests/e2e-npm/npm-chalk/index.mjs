// chalk 5: an ES-only package whose source imports its vendored modules
// through package imports (#ansi-styles, #supports-color with a node
// condition) and Node built-ins (node:process, node:os, node:tty).
// Explicit levels keep the output deterministic; the default instance's
// level comes from supports-color (stdout is not a terminal here).
import chalk, { Chalk, supportsColor, modifiers, foregroundColors } from "chalk";
const plain = new Chalk({ level: 0 });
const basic = new Chalk({ level: 1 });
const full = new Chalk({ level: 3 });
console.log(plain.red.bold("plain"), JSON.stringify(basic.red.bold("basic")));
console.log(JSON.stringify(full.hex("#ff8800").underline("truecolor")), JSON.stringify(full.bgRgb(1, 2, 3)("bg")));
console.log(JSON.stringify(basic.green(`outer ${basic.blue("inner")} outer`)));
console.log(typeof chalk.level, chalk.level === (supportsColor ? supportsColor.level : 0));
console.log(modifiers.length, foregroundColors.includes("magentaBright"), typeof chalk.visible);
