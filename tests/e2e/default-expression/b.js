let v = "b";
export default v;
v = "changed";
