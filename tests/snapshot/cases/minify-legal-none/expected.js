let x=1;console.log(x);console.log(2);
