// rxjs 7 through its node condition (the CommonJS build), from an ES
// module, with rxjs/operators too: a synchronous pipeline, a Subject,
// and firstValueFrom.
import { of, from, Subject, BehaviorSubject, firstValueFrom, lastValueFrom, Observable, range } from "rxjs";
import { map, filter, scan, take, toArray } from "rxjs/operators";
import * as rx from "rxjs";
of(1, 2, 3, 4).pipe(filter((x) => x % 2 === 0), map((x) => x * 10)).subscribe((v) => console.log("of:", v));
const subject = new Subject();
subject.pipe(scan((acc, v) => acc + v, 0)).subscribe((v) => console.log("scan:", v));
subject.next(1); subject.next(2); subject.complete();
const b = new BehaviorSubject("initial");
console.log(b.getValue(), from([1]) instanceof Observable, rx.map === map, typeof rx.pipe);
firstValueFrom(range(5, 3)).then((v) => console.log("first:", v));
lastValueFrom(range(1, 10).pipe(take(4), toArray())).then((v) => console.log("last:", JSON.stringify(v)));
