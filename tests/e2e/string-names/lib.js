const one = 1, two = 2;
export { one as "a-b", two as "with space" };
