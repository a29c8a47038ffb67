import './a1.mjs';
console.log('a');
