import './a.mjs';
import './b.mjs';
import './c.mjs';
console.log('main');
import('./err.mjs').catch(e => console.log('caught', e.message)).then(() => import('./err.mjs')).catch(e => console.log('again', e.message))
  .then(() => import('./cyc1.mjs')).then(m => console.log('cyc', m.one, m.two()));
