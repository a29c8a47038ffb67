import { b } from './b.mjs';
import { c } from './c.mjs';
console.log('A', b, c);
const m = await import('./d.mjs');
console.log('A2', m.d);
export const x = await Promise.resolve(5);
