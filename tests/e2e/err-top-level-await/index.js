const v = await Promise.resolve(1);
console.log(v);
