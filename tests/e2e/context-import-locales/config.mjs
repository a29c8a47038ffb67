export const fallback = "de";
export const ext = "mjs";
