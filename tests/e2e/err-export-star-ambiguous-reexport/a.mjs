export const x = "a x";
export const onlyA = "a";
