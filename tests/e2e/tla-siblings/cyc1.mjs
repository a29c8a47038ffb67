import { two } from './cyc2.mjs';
console.log('cyc1'); await 0;
export const one = 1;
export { two };
