import { one } from './cyc1.mjs';
console.log('cyc2'); await 0;
export function two() { return one + 1; }
