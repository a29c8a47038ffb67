console.log('start');
import('./d2.mjs').then(m => console.log('got', m.v, Object.keys(m)));
console.log('after');
