// tslib's import condition (node): modules/index.js, an ES wrapper around
// the same CommonJS tslib.js, so its functions are the same.
import { __importDefault } from "tslib";
export const same = (f) => f === __importDefault;
