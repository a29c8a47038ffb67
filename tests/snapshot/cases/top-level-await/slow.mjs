export const v = await Promise.resolve(1);
for await (const y of [3]) console.log(y);
