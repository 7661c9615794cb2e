import type { DomainModule } from '../shared/module.js';
import { AccessResolver } from './access.resolver.js';
import { ApiKey } from './entities/api-key.entity.js';
import { StaffUser } from './entities/staff-user.entity.js';

/** Staff users, API keys, roles and scopes. */
export const accessModule: DomainModule = {
  name: 'access',
  entities: [StaffUser, ApiKey],
  admin: [AccessResolver],
  uniqueConstraints: { staff_user_email_unique: { what: 'The email', field: ['email'] } },
};
