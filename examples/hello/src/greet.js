export function greet(name) {
  return `hello from ${name}`;
}
