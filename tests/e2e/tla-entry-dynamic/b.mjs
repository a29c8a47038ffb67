console.log('B-start');
await new Promise(r => setTimeout(r, 10));
console.log('B-end');
export const b = 'b';
