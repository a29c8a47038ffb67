console.log('c sync');
