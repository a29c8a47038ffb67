export const big = "only route b needs this".repeat(3);
