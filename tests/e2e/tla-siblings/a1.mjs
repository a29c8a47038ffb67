console.log('a1 start'); await 0; console.log('a1 mid'); await 0; console.log('a1 end');
