export let counter = 0;
