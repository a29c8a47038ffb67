// mobx 6 (main: a CommonJS index choosing a build by NODE_ENV): an
// observable, a computed value, autorun and a reaction, an action.
import { observable, autorun, computed, action, reaction, configure, makeAutoObservable, isObservable } from "mobx";
configure({ enforceActions: "never" });
const state = observable({ count: 1, items: ["a"] });
const double = computed(() => state.count * 2);
const stop = autorun(() => console.log("autorun:", state.count, double.get(), state.items.length));
reaction(() => state.items.length, (n) => console.log("reaction: items", n));
state.count = 2;
state.items.push("b");
action(() => { state.count = 10; state.count = 11; })();
stop();
state.count = 99;
class Store { n = 0; constructor() { makeAutoObservable(this); } inc() { this.n++; } get twice() { return this.n * 2; } }
const store = new Store();
autorun(() => console.log("store:", store.n, store.twice));
store.inc();
console.log(isObservable(state), isObservable({}), double.get());
