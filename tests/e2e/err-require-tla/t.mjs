export const v = await 1;
