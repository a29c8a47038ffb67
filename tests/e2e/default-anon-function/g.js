export default () => "g";
