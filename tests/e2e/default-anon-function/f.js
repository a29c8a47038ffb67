export default function () { return "f"; }
