import fs from 'fs'; console.log('b', typeof fs.statSync);
