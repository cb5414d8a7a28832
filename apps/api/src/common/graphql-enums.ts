import { registerEnumType } from '@nestjs/graphql';
import { AccountKind, AccountPurpose, AccountStatus, OrgUnitKind, PlatformStatus, Role } from '@ggsm/domain';

// The domain library owns the values; GraphQL only names them.
registerEnumType(Role, { name: 'Role' });
registerEnumType(OrgUnitKind, { name: 'OrgUnitKind' });
registerEnumType(AccountKind, { name: 'AccountKind' });
registerEnumType(AccountPurpose, { name: 'AccountPurpose' });
registerEnumType(AccountStatus, { name: 'AccountStatus' });
registerEnumType(PlatformStatus, { name: 'PlatformStatus' });

export { AccountKind, AccountPurpose, AccountStatus, OrgUnitKind, PlatformStatus, Role };
