console.log('err runs'); await 0; throw new Error('boom');
