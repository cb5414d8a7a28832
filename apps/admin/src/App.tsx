import { Admin, Resource } from 'react-admin';
import { Role } from '@ggsm/domain';
import accounts from './accounts';
import { hasRole } from './common/permissions';
import { i18nProvider } from './i18n/i18n-provider';
import { GgsmLayout } from './layout/layout';
import { theme } from './layout/theme';
import orgUnits from './org-units';
import people from './people';
import platforms from './platforms';
import { authProvider } from './providers/auth-provider';
import { createDataProvider } from './providers/data-provider';
import users from './users';

// Built once for the lifetime of the page: it caches the GraphQL schema introspection.
const dataProvider = createDataProvider({ getLocale: () => i18nProvider.getLocale() });

// Resource names are the GraphQL type names (ra-data-graphql-simple convention).
export const App = () => (
  <Admin
    title="ggsm"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={GgsmLayout}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    {(permissions: unknown) => (
      <>
        <Resource name="SocialAccount" {...accounts} />
        <Resource name="OrgUnit" {...orgUnits} />
        <Resource name="Person" {...people} />
        <Resource name="Platform" {...platforms} />
        {/* The menu shapes the view only: the API refuses user management to anyone but ADMIN. */}
        {hasRole(permissions, Role.ADMIN) ? <Resource name="User" {...users} /> : null}
      </>
    )}
  </Admin>
);
