// nanoid 5: ES-only, its node build takes random bytes from node:crypto.
// The ids are random: print their shape only.
import { nanoid, customAlphabet, urlAlphabet, customRandom, random } from "nanoid";
const ids = Array.from({ length: 50 }, () => nanoid());
console.log(ids.every((id) => /^[A-Za-z0-9_-]{21}$/.test(id)), new Set(ids).size, nanoid(8).length);
const hex = customAlphabet("0123456789abcdef", 12);
console.log(/^[0-9a-f]{12}$/.test(hex()), urlAlphabet.length, [...new Set(urlAlphabet)].length);
const fixed = customRandom("abc", 6, (size) => new Uint8Array(size).fill(1));
console.log(fixed(), random(4) instanceof Uint8Array, random(4).length);
