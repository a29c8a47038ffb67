export const y = "y";
export const z = "yz z";
