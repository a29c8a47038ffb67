// Two chunks that import() each other.
import("./ping.js").then(async (ping) => {
  console.log(ping.name);
  const pong = await ping.other();
  console.log(pong.name);
  const back = await pong.other();
  console.log(back === ping, back.name);
});
