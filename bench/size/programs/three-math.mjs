import { Vector3, Matrix4, Quaternion } from "three";
const v = new Vector3(1, 2, 3).applyMatrix4(new Matrix4().makeTranslation(1, 0, 0));
const q = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), Math.PI / 2);
console.log(v.toArray().join(), q.toArray().map((x) => x.toFixed(3)).join());
