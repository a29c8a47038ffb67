const x = process.argv[2];
require("./lang/" + x); // lang/ and below: every file with a loader, and its require names
require("./lang/" + x + ".js"); // names ending in .js
require(`./lang/sub-${x}`); // a hole after "sub-", not "/": lang/ only, no subdirectory
import(`./lang/${x}.json`); // import(): full file names only
require("./missing/" + x); // error: no such directory
require("./lang/" + x + ".css"); // warning: nothing matches
try {
  require("./missing/" + x); // inside try: not reported, fails at run time
} catch {}
