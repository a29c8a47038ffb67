let x=1;console.log(x);console.log(2);
/*! For license information please see minify-legal-linked.js.LEGAL.txt */
