import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@ggsm/migrations';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { ClaimedUrlAccountEntity, ClaimedUrlEntity } from '../claimed-urls/claimed-url.entity';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { PersonEntity } from '../people/person.entity';
import { PlatformEntity } from '../platforms/platform.entity';
import { AccountOwnerEntity, SocialAccountEntity } from '../social-accounts/social-account.entity';
import { ChecklistAttestationEntity, ChecklistItemEntity, NamingRuleEntity } from '../governance/governance.entities';
import { ImpersonationEvidenceEntity, ImpersonationReportEntity, ImpersonationTimeLimitEntity, KnownImpersonatorEntity } from '../impersonation/impersonation.entity';
import { NotificationEntity, NotificationOutboxEntity, NotificationPreferenceEntity, NotificationReadEntity } from '../notifications/notification.entity';
import { ReviewIntervalEntity } from '../review-intervals/review-interval.entity';
import { UserEntity } from '../users/user.entity';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export const ENTITIES = [AuditEventEntity, OrgUnitEntity, PersonEntity, PlatformEntity, SocialAccountEntity, AccountOwnerEntity, UserEntity, NamingRuleEntity, ChecklistItemEntity, ChecklistAttestationEntity, ReviewIntervalEntity, ClaimedUrlEntity, ClaimedUrlAccountEntity, ImpersonationReportEntity, ImpersonationEvidenceEntity, KnownImpersonatorEntity, ImpersonationTimeLimitEntity, NotificationOutboxEntity, NotificationEntity, NotificationReadEntity, NotificationPreferenceEntity];

/** One definition for the app, the tests and the migration runner; the schema comes only from migrations. */
export function dataSourceOptions(url: string, logSql = false): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: logSql ? 'all' : ['error', 'warn', 'migration'],
    extra: { max: 10, application_name: 'ggsm' },
    // Ctrl-C in a terminal reaches the embedded PostgreSQL too, which then ends idle connections
    // (57P01 admin_shutdown) while ggsm is stopping: expected, not worth a warning. Others are.
    poolErrorHandler: (err: Error & { code?: string }) => {
      if (err.code !== '57P01') console.warn(`PostgreSQL connection lost: ${err.message}`);
    },
  };
}

export const createDataSource = (url: string, logSql = false) => new DataSource(dataSourceOptions(url, logSql));
