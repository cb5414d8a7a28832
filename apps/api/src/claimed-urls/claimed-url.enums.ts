import { registerEnumType } from '@nestjs/graphql';
import { ClaimedUrlKind, ClaimedUrlPurpose, ClaimedUrlStatus, DomainFuzzer, ExpiryState } from '@ggsm/domain';

// The domain library owns the values; GraphQL only names them.
registerEnumType(ClaimedUrlKind, { name: 'ClaimedUrlKind' });
registerEnumType(ClaimedUrlPurpose, { name: 'ClaimedUrlPurpose' });
registerEnumType(ClaimedUrlStatus, { name: 'ClaimedUrlStatus' });
registerEnumType(ExpiryState, { name: 'ExpiryState' });
registerEnumType(DomainFuzzer, { name: 'DomainFuzzer' });

export { ClaimedUrlKind, ClaimedUrlPurpose, ClaimedUrlStatus, DomainFuzzer, ExpiryState };
