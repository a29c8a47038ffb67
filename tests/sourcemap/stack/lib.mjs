import { check } from "./check.cjs";

export function run(values) {
  return values.map((v) => {
    // a line of its own, so that the column says which call
    return check(v);
  });
}
