export default class Named { static tag = "t"; }
