import { addDays, format, differenceInCalendarDays } from "date-fns";
const d = new Date(2020, 0, 31);
console.log(format(addDays(d, 1), "yyyy-MM-dd"), differenceInCalendarDays(new Date(2020, 2, 1), d));
