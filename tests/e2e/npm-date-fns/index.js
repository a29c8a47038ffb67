import { format, addDays, differenceInCalendarDays, parseISO, formatDistanceStrict } from "../../npm/node_modules/date-fns/index.js";
const d = parseISO("2024-02-27T12:00:00Z");
console.log(format(addDays(d, 3), "yyyy-MM-dd"), differenceInCalendarDays(addDays(d, 10), d));
console.log(formatDistanceStrict(d, addDays(d, 45)));
