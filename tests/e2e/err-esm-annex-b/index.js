// Sloppy mode hoists a function declared in a block to its function
// (Annex B): called outside the block it works, but not in strict code,
// so not in a bundle with format esm.
if (typeof console === "object") {
  function greet() { return "hello"; }
}
console.log(greet());
{
  function local() { return "block"; }
  console.log(local());
}
