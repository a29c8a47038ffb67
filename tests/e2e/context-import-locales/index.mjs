// import() of a template literal: every ./locales/*.mjs (and below) is
// bundled, and the call looks the specifier up at run time.
import { fallback, ext } from "./config.mjs";

const load = (lang) => import(`./locales/${lang}.${ext}`);

async function main() {
  for (const lang of ["en", "fr", fallback]) {
    const ns = await load(lang);
    console.log(lang, ns.default.hello, ns.name);
  }
  // A CommonJS file through the same kind of pattern: its namespace.
  const legacy = await import("./locales/" + "legacy" + ".cjs");
  console.log(legacy.default.hello, legacy.hello);
  // A nested directory: the hole follows a "/", so it may hold one.
  const nested = await load("extra/pt");
  console.log(nested.default.hello);
  // The same module whichever way it is named.
  console.log((await load("en")) === (await import("./locales/en.mjs")));
  // A name not in the map: rejected as Node rejects (only the code is
  // printed: Node's message has absolute paths).
  try {
    await load("xx");
  } catch (e) {
    console.log("missing:", e.code, e instanceof Error);
  }
}

main().then(() => console.log("done"));
