export default ({ k: [1, 2] }).k
