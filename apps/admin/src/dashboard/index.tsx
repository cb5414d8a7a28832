import { Box, Card, CardActionArea, CardContent, CardHeader, Grid, Skeleton, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { Role } from '@ggsm/domain';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, LinkBase, Title, useDataProvider, useNotify, usePermissions, useTranslate } from 'react-admin';
import { APPROVAL_QUEUE_PATH } from '../accounts/approval-queue';
import { enumLabel } from '../common/enums';
import { hasRole, mayAccess } from '../common/permissions';
import type { DashboardData, GgsmDataProvider } from '../providers/data-provider';

/** A react-admin list URL with its filter, so every number opens the list behind it. */
const listOf = (resource: string, filter: Record<string, unknown>) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

interface Tile {
  key: string;
  count: number;
  to: string;
  /** Shown only to these roles ("what needs doing" differs per role); everyone sees the state. */
  roles?: Role[];
  tone: 'todo' | 'state';
}

const NumberTile = ({ label, count, to, tone }: { label: string; count: number; to: string; tone: Tile['tone'] }) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardActionArea component={LinkBase} to={to} sx={{ height: '100%' }} data-testid="dashboard-tile">
      <CardContent>
        <Typography variant="h4" component="p" color={tone === 'todo' && count > 0 ? 'warning.main' : 'text.primary'}>
          {count}
        </Typography>
        <Typography color="text.secondary">{label}</Typography>
      </CardContent>
    </CardActionArea>
  </Card>
);

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box sx={{ mb: 3 }}>
    <Typography variant="h6" component="h2" gutterBottom>
      {title}
    </Typography>
    {children}
  </Box>
);

const ChartCard = ({ title, data, to }: { title: string; data: { key: string; label: string; count: number }[]; to: (key: string) => string }) => (
  <Card variant="outlined">
    <CardHeader title={title} titleTypographyProps={{ variant: 'subtitle1' }} />
    <CardContent>
      {data.length ? (
        <>
          <BarChart
            height={Math.max(160, data.length * 34)}
            layout="horizontal"
            yAxis={[{ scaleType: 'band', data: data.map((d) => d.label), width: 150 }]}
            series={[{ data: data.map((d) => d.count) }]}
            hideLegend
          />
          {/* The chart is a picture; the same figures as links, for keyboards and screen readers. */}
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {data.map((d) => (
              <Link key={d.key} to={to(d.key)}>
                {d.label}: {d.count}
              </Link>
            ))}
          </Stack>
        </>
      ) : (
        <Typography color="text.secondary">—</Typography>
      )}
    </CardContent>
  </Card>
);

/** The home page, per role: what needs doing (and only what the role can do), then the state of the register. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const notify = useNotify();
  const [data, setData] = useState<DashboardData | null>(null);
  useEffect(() => {
    let current = true;
    dataProvider
      .dashboard()
      .then((d) => current && setData(d))
      .catch((error: Error) => notify(error?.message || 'ra.notification.http_error', { type: 'error' }));
    return () => {
      current = false;
    };
  }, [dataProvider, notify]);
  const t = (key: string) => translate(`ggsm.dashboard.${key}`);

  if (!data) {
    return (
      <Box sx={{ mt: 2 }}>
        <Title title="ggsm.dashboard.title" />
        <Skeleton variant="rectangular" height={240} />
      </Box>
    );
  }
  const tiles: Tile[] = [
    { key: 'submittedWaiting', count: data.submittedWaiting, to: APPROVAL_QUEUE_PATH, roles: [Role.COMMUNICATIONS], tone: 'todo' },
    { key: 'drafts', count: data.drafts, to: listOf('SocialAccount', { status: 'DRAFT' }), roles: [Role.EDITOR, Role.COMMUNICATIONS], tone: 'todo' },
    { key: 'reviewsOverdue', count: data.reviewsOverdue, to: listOf('SocialAccount', { reviewOverdue: true }), roles: [Role.EDITOR, Role.COMMUNICATIONS], tone: 'todo' },
    { key: 'tooFewOwners', count: data.tooFewOwners, to: listOf('SocialAccount', { flag: 'TOO_FEW_OWNERS' }), roles: [Role.EDITOR, Role.COMMUNICATIONS], tone: 'todo' },
    { key: 'defunctPlatform', count: data.defunctPlatform, to: listOf('SocialAccount', { flag: 'DEFUNCT_PLATFORM' }), roles: [Role.EDITOR, Role.COMMUNICATIONS], tone: 'todo' },
    { key: 'urlsExpiring', count: data.urlsExpiring, to: listOf('ClaimedUrl', { expiringWithinDays: 90 }), roles: [Role.EDITOR, Role.COMMUNICATIONS], tone: 'todo' },
    { key: 'urlsExpired', count: data.urlsExpired, to: listOf('ClaimedUrl', { expiryState: 'EXPIRED' }), roles: [Role.EDITOR, Role.COMMUNICATIONS], tone: 'todo' },
    { key: 'casesOverdue', count: data.casesOverdue, to: listOf('ImpersonationReport', { open: true, overdue: true }), roles: [Role.COMMUNICATIONS, Role.LEGAL], tone: 'todo' },
    { key: 'casesInLegalReview', count: data.casesInLegalReview, to: listOf('ImpersonationReport', { state: 'LEGAL_REVIEW' }), roles: [Role.LEGAL], tone: 'todo' },
  ];
  const todo = tiles.filter((tile) => !tile.roles || tile.roles.some((r) => hasRole(permissions, r)));
  const state: Tile[] = [
    { key: 'activeTotal', count: data.activeTotal, to: listOf('SocialAccount', { status: 'ACTIVE' }), tone: 'state' },
    { key: 'activeNamingErrors', count: data.activeNamingErrors.count, to: listOf('SocialAccount', { ids: data.activeNamingErrors.ids }), tone: 'state' },
    { key: 'activeChecklistIncomplete', count: data.activeChecklistIncomplete.count, to: listOf('SocialAccount', { ids: data.activeChecklistIncomplete.ids }), tone: 'state' },
  ];
  return (
    <Box sx={{ mt: 2 }} data-testid="dashboard">
      <Title title="ggsm.dashboard.title" />
      {todo.length ? (
        <Section title={t('todo')}>
          <Grid container spacing={2}>
            {todo.map((tile) => (
              <Grid key={tile.key} size={{ xs: 12, sm: 6, md: 3 }}>
                <NumberTile label={t(tile.key)} count={tile.count} to={tile.to} tone={tile.tone} />
              </Grid>
            ))}
          </Grid>
        </Section>
      ) : null}
      <Section title={t('state')}>
        <Grid container spacing={2} sx={{ mb: 2 }}>
          {state.map((tile) => (
            <Grid key={tile.key} size={{ xs: 12, sm: 4 }}>
              <NumberTile label={t(tile.key)} count={tile.count} to={tile.to} tone={tile.tone} />
            </Grid>
          ))}
        </Grid>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 4 }}>
            <ChartCard
              title={t('byStatus')}
              data={data.accountsByStatus.map((d) => ({ ...d, label: translate(enumLabel('AccountStatus', d.key)) }))}
              to={(status) => listOf('SocialAccount', { status })}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <ChartCard title={t('byPlatform')} data={data.activeByPlatform} to={(platformId) => listOf('SocialAccount', { status: 'ACTIVE', platformId })} />
          </Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <ChartCard title={t('byUnit')} data={data.activeByUnit} to={(orgUnitId) => listOf('SocialAccount', { status: 'ACTIVE', orgUnitId })} />
          </Grid>
          {mayAccess(permissions, 'ImpersonationReport', 'list') ? (
            <Grid size={{ xs: 12, md: 4 }}>
              <ChartCard
                title={t('casesByState')}
                data={data.openCasesByState.map((d) => ({ ...d, label: translate(`ggsm.enums.ImpersonationState.${d.key}`, { _: d.key }) }))}
                to={(state) => listOf('ImpersonationReport', { state })}
              />
            </Grid>
          ) : null}
        </Grid>
      </Section>
    </Box>
  );
};
