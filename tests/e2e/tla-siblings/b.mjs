console.log('b start'); await null; console.log('b end');
