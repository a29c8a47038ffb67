import * as THREE from "../../npm/node_modules/three/src/Three.js";
const v = new THREE.Vector3(1, 2, 3).applyMatrix4(new THREE.Matrix4().makeTranslation(1, 1, 1));
console.log(THREE.REVISION, Object.keys(THREE).length, v.toArray().join(","));
console.log(new THREE.Box3().setFromPoints([v, new THREE.Vector3()]).getSize(new THREE.Vector3()).toArray().join(","));
