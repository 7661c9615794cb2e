// Every migration, in order. `npm run migration:create` writes a new file and appends it here.
import { Migration20261124053506 } from './Migration20261124053506.js';
import { Migration20261124055241 } from './Migration20261124055241.js';
import { Migration20261124061757 } from './Migration20261124061757.js';
import { Migration20261124065344 } from './Migration20261124065344.js';
import { Migration20261124070221 } from './Migration20261124070221.js';
import { Migration20261201100000 } from './Migration20261201100000.js';
import { Migration20261201110000 } from './Migration20261201110000.js';
import { Migration20261201120000 } from './Migration20261201120000.js';
import { Migration20261201130000 } from './Migration20261201130000.js';
import { Migration20261201140000 } from './Migration20261201140000.js';
import { Migration20261201150000 } from './Migration20261201150000.js';
import { Migration20261201160000 } from './Migration20261201160000.js';
import { Migration20261201170000 } from './Migration20261201170000.js';
import { Migration20261201200000 } from './Migration20261201200000.js';
import { Migration20261201180000 } from './Migration20261201180000.js';
import { Migration20261201190000 } from './Migration20261201190000.js';
import { Migration20261201210000 } from './Migration20261201210000.js';
import { Migration20261201220000 } from './Migration20261201220000.js';
import { Migration20261201230000 } from './Migration20261201230000.js';
import { Migration20261202000000 } from './Migration20261202000000.js';
import { Migration20261202000100 } from './Migration20261202000100.js';
import { Migration20261202000200 } from './Migration20261202000200.js';
import { Migration20261202000300 } from './Migration20261202000300.js';
import { Migration20261202000400 } from './Migration20261202000400.js';
import { Migration20261202000500 } from './Migration20261202000500.js';
import { Migration20261202000600 } from './Migration20261202000600.js';

export const migrationsList = [{ name: 'Migration20261124053506', class: Migration20261124053506 }, { name: 'Migration20261124055241', class: Migration20261124055241 }, { name: 'Migration20261124061757', class: Migration20261124061757 }, { name: 'Migration20261124065344', class: Migration20261124065344 }, { name: 'Migration20261124070221', class: Migration20261124070221 }, { name: 'Migration20261201100000', class: Migration20261201100000 }, { name: 'Migration20261201110000', class: Migration20261201110000 }, { name: 'Migration20261201120000', class: Migration20261201120000 }, { name: 'Migration20261201130000', class: Migration20261201130000 }, { name: 'Migration20261201140000', class: Migration20261201140000 }, { name: 'Migration20261201150000', class: Migration20261201150000 }, { name: 'Migration20261201160000', class: Migration20261201160000 }, { name: 'Migration20261201170000', class: Migration20261201170000 }, { name: 'Migration20261201180000', class: Migration20261201180000 }, { name: 'Migration20261201190000', class: Migration20261201190000 }, { name: 'Migration20261201200000', class: Migration20261201200000 }, { name: 'Migration20261201210000', class: Migration20261201210000 }, { name: 'Migration20261201220000', class: Migration20261201220000 }, { name: 'Migration20261201230000', class: Migration20261201230000 }, { name: 'Migration20261202000000', class: Migration20261202000000 }, { name: 'Migration20261202000100', class: Migration20261202000100 }, { name: 'Migration20261202000200', class: Migration20261202000200 }, { name: 'Migration20261202000300', class: Migration20261202000300 }, { name: 'Migration20261202000400', class: Migration20261202000400 }, { name: 'Migration20261202000500', class: Migration20261202000500 }, { name: 'Migration20261202000600', class: Migration20261202000600 }];
