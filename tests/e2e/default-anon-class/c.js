export default class { hi() { return "hi"; } }
(function () { console.log("after class"); })();
