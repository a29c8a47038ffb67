export class Thing { hi() { return "a"; } }
export const make = () => "a";
