import { InitialRegister1795690000000 } from './1795690000000-initial-register';
import { AuditTrail1795700000000 } from './1795700000000-audit-trail';
import { VersionsAndLoginLimits1795700000001 } from './1795700000001-versions-and-login-limits';
import { Governance1795710000000 } from './1795710000000-governance';
import { ReviewIntervals1795720000000 } from './1795720000000-review-intervals';
import { ClaimedUrls1795730000000 } from './1795730000000-claimed-urls';
import { Impersonation1795740000000 } from './1795740000000-impersonation';
import { HandleSkeleton1795740000001 } from './1795740000001-handle-skeleton';
import { PublicCacheNotify1795750000000 } from './1795750000000-public-cache-notify';
import { Notifications1795760000000 } from './1795760000000-notifications';

/** Every migration, in order. The API, the tests and the CLI run exactly this list. */
export const MIGRATIONS = [InitialRegister1795690000000, AuditTrail1795700000000, VersionsAndLoginLimits1795700000001, Governance1795710000000, ReviewIntervals1795720000000, ClaimedUrls1795730000000, Impersonation1795740000000, HandleSkeleton1795740000001, PublicCacheNotify1795750000000, Notifications1795760000000];
