import('./dep.mjs').then(m => console.log(m.log.join()));
