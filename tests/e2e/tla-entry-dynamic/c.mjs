console.log('C');
export const c = 'c';
