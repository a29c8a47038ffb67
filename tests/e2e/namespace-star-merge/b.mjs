export const x = "b x";
export const onlyB = "b";
