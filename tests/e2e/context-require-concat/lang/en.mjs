export default "not for require";
