// A TypeScript source: the bundle's stack must point here, through the
// map tsc wrote beside lib/greet.js.
interface Person {
  name: string;
  age?: number;
}

export function greet(person: Person): string {
  const who: string = person.name;
  if (!who) throw new TypeError("nobody to greet");
  return `hello ${who}`;
}
