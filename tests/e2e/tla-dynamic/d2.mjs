import './c.mjs';
console.log('d2');
export const v = await Promise.resolve(3);
