export let x = 1;
export function setX(v) { x = v; }
export default "lib default";
