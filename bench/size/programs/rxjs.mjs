import { of, map, filter } from "rxjs";
of(1, 2, 3, 4).pipe(filter((x) => x % 2 === 0), map((x) => x * 10)).subscribe((v) => console.log(v));
