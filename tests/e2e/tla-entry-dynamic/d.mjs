import { b } from './b.mjs';
console.log('D-start', b);
await 1;
console.log('D-end');
export const d = 'd';
