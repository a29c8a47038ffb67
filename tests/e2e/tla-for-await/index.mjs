import { log } from './dep.mjs';
console.log('main', log.join(','));
for await (const v of [Promise.resolve('x'), 'y']) console.log('entry', v);
