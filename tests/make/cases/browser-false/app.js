import { run } from "pkg";
console.log(run());
