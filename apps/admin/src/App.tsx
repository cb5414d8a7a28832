import { Admin, CustomRoutes, reactRouterProvider, Resource } from 'react-admin';
import accounts from './accounts';
import { APPROVAL_QUEUE_PATH, ApprovalQueue } from './accounts/approval-queue';
import auditEvents from './audit';
import checklistItems from './checklist-items';
import claimedUrls from './claimed-urls';
import impersonationReports from './impersonation';
import { LEGAL_QUEUE_PATH, LegalQueue } from './impersonation/report-list';
import { Role } from '@ggsm/domain';
import { hasRole, mayAccess, mayImport, seesLegalQueue } from './common/permissions';
import { Dashboard } from './dashboard';
import { i18nProvider } from './i18n/i18n-provider';
import { IMPORT_PATH, ImportPage } from './import-export/import-page';
import { GgsmLayout } from './layout/layout';
import { theme } from './layout/theme';
import { AwaitingAccess } from './login/awaiting-access';
import { LoginPage } from './login/login-page';
import { NOTIFICATIONS_PATH, NotificationsPage } from './notifications/notifications-page';
import { SsoCallbackPage } from './login/sso-callback-page';
import orgUnits from './org-units';
import namingRules from './naming-rules';
import people from './people';
import reviewIntervals from './review-intervals';
import platforms from './platforms';
import { withAccessControl } from './providers/access-control';
import { authProvider } from './providers/auth-provider';
import { createDataProvider } from './providers/data-provider';
import users from './users';

// react-admin's router (react-router), whose <Route> CustomRoutes takes.
const { Route } = reactRouterProvider;

// Built once for the lifetime of the page: it caches the GraphQL schema introspection.
const dataProvider = createDataProvider({ getLocale: () => i18nProvider.getLocale() });

// The auth provider plus `canAccess` (common/permissions.ts): hides the menu entries, buttons and pages the API would refuse.
const accessControlledAuthProvider = withAccessControl(authProvider);

// Resource names are the GraphQL type names (ra-data-graphql-simple convention).
export const App = () => (
  <Admin
    title="ggsm"
    dataProvider={dataProvider}
    authProvider={accessControlledAuthProvider}
    i18nProvider={i18nProvider}
    layout={GgsmLayout}
    dashboard={Dashboard}
    loginPage={LoginPage}
    authCallbackPage={SsoCallbackPage}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    {(permissions: unknown) =>
      // A first single sign-on creates a user without a role: the API refuses it everything but `me`.
      Array.isArray(permissions) && permissions.length === 0 ? (
        <CustomRoutes>
          <Route path="/" element={<AwaitingAccess />} />
          <Route path="*" element={<AwaitingAccess />} />
        </CustomRoutes>
      ) : (
        <>
          <Resource name="SocialAccount" {...accounts} />
          <Resource name="ClaimedUrl" {...claimedUrls} />
          <Resource name="ImpersonationReport" {...impersonationReports} />
          <Resource name="OrgUnit" {...orgUnits} />
          <Resource name="Person" {...people} />
          <Resource name="Platform" {...platforms} />
          <Resource name="NamingRule" {...namingRules} />
          <Resource name="ChecklistItem" {...checklistItems} />
          <Resource name="ReviewInterval" {...reviewIntervals} />
          {/* The menu shapes the view only: the API lets only ADMIN manage users (AUDITOR reads them) and
              only AUDITOR and ADMIN read the audit trail. */}
          {mayAccess(permissions, 'User', 'list') ? <Resource name="User" {...users} /> : null}
          {mayAccess(permissions, 'AuditEvent', 'list') ? <Resource name="AuditEvent" {...auditEvents} /> : null}
          {hasRole(permissions, Role.COMMUNICATIONS) ? (
            <CustomRoutes>
              <Route path={APPROVAL_QUEUE_PATH} element={<ApprovalQueue />} />
            </CustomRoutes>
          ) : null}
          {seesLegalQueue(permissions) ? (
            <CustomRoutes>
              <Route path={LEGAL_QUEUE_PATH} element={<LegalQueue />} />
            </CustomRoutes>
          ) : null}
          {/* Every role: one's own notifications (the bell in the app bar links here). */}
          <CustomRoutes>
            <Route path={NOTIFICATIONS_PATH} element={<NotificationsPage />} />
          </CustomRoutes>
          {mayImport(permissions) ? (
            <CustomRoutes>
              <Route path={IMPORT_PATH} element={<ImportPage />} />
            </CustomRoutes>
          ) : null}
        </>
      )
    }
  </Admin>
);
