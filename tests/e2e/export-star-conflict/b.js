export const x = "b x";
export const onlyB = "only b";
