export const onlyB = "b-only";
