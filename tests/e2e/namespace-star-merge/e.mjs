export const x = "e x";
export const onlyE = "e";
