import { z } from "zod";
const User = z.object({ name: z.string(), age: z.number().int() });
console.log(User.safeParse({ name: "a", age: 3 }).success, User.safeParse({ name: 1 }).success);
