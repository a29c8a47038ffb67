export class Animal { constructor(n) { this.n = n; } speak() { return this.n + " speaks"; } }
export const make = (n) => new Animal(n);
