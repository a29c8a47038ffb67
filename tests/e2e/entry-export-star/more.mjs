export const more = "more";
export const shadowed = "more's";
export default "more default";
