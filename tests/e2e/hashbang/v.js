export const v = "after hashbang";
