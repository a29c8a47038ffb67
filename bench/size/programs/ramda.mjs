import { pipe, map, filter, sum } from "ramda";
console.log(pipe(filter((x) => x > 1), map((x) => x * 2), sum)([1, 2, 3]));
