export default function greet(name) { return "hi " + name; }
