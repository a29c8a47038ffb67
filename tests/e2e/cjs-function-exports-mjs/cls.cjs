class Thing { constructor() { this.made = true; } }
Thing.create = () => new Thing();
module.exports = Thing;
