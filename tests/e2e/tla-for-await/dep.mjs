export const log = [];
async function* gen() { yield 1; yield 2; yield 3; }
for await (const v of gen()) { log.push(v); if (v === 2) break; }
let w;
for await (w of [Promise.resolve(7), 8]) log.push('w' + w);
const closed = [];
const it = { [Symbol.asyncIterator]() { let i = 0; return { next() { return Promise.resolve({ value: i++, done: false }); }, return() { closed.push('closed'); return Promise.resolve({ done: true }); } }; } };
outer0: for (const q of [1]) { for await (const v of it) { if (v > 1) break; log.push('it' + v); } }
log.push(closed.join());
try { for await (const v of it) throw new Error('boom' + v); } catch (e) { log.push(e.message, closed.length); }
