import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import PolicyIcon from '@mui/icons-material/Policy';
import { Box, Button, Stack, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  DateTimeInput,
  FilterButton,
  Labeled,
  Link,
  List,
  maxLength,
  NumberField,
  SearchInput,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useCreatePath,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActorText, ChangeList, useActionLabel, useEntityTypeLabel } from '../common/history';
import { mayAccess } from '../common/permissions';
import { AuditCsvButton } from '../import-export/export-buttons';
import type { AuditEventRecord } from '../providers/data-provider';
import { AuditChainPanel } from './chain-panel';

/** The actions the API records (AuditService callers), and their groups: a group filters by prefix ("user."). */
export const AUDIT_ACTIONS = [
  'social_account.created',
  'social_account.updated',
  'org_unit.created',
  'org_unit.updated',
  'person.created',
  'person.updated',
  'platform.updated',
  'user.created',
  'user.updated',
  'user.roles_changed',
  'user.enabled',
  'user.disabled',
  'user.sso_linked',
  'auth.login',
  'auth.logout',
  'audit.checkpoint_exported',
] as const;

const ACTION_GROUPS = ['social_account', 'org_unit', 'person', 'platform', 'naming_rule', 'checklist_item', 'review_interval', 'claimed_url', 'impersonation_report', 'user', 'auth', 'audit'] as const;

const ENTITY_TYPES = ['SocialAccount', 'OrgUnit', 'Person', 'Platform', 'NamingRule', 'ChecklistItem', 'ReviewInterval', 'ClaimedUrl', 'ImpersonationReport', 'User', 'AuditTrail'] as const;

const actionChoices = [
  ...ACTION_GROUPS.map(group => ({ id: `${group}.`, name: `ggsm.audit.action_groups.${group}` })),
  ...AUDIT_ACTIONS.map(action => ({ id: action, name: `ggsm.audit.actions.${action}` })),
];

const entityTypeChoices = ENTITY_TYPES.map(type => ({ id: type, name: `ggsm.audit.entity_types.${type}` }));

/** `<input type="datetime-local">` gives local time without a zone; the API gets the moment, in UTC. */
const toMoment = (value: string | null | undefined) => {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
};

const useAuditFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('resources.AuditEvent.fields.q')} validate={maxLength(254)} />,
    <SelectInput key="action" source="action" choices={actionChoices} alwaysOn />,
    <SelectInput key="entityType" source="entityType" choices={entityTypeChoices} alwaysOn />,
    <DateTimeInput key="from" source="from" parse={toMoment} alwaysOn />,
    <DateTimeInput key="to" source="to" parse={toMoment} alwaysOn />,
    // The API refuses longer ones; an invalid filter is not applied (the input turns red).
    <TextInput key="entityId" source="entityId" validate={maxLength(100)} />,
  ];
};

const ActionField = (_props: { label?: string }) => {
  const record = useRecordContext<AuditEventRecord>();
  const actionLabel = useActionLabel();
  if (!record) return null;
  return (
    <span title={record.action}>
      {actionLabel(record.action)}
    </span>
  );
};

const EntityTypeField = (_props: { label?: string }) => {
  const record = useRecordContext<AuditEventRecord>();
  const entityTypeLabel = useEntityTypeLabel();
  return record ? <span>{entityTypeLabel(record.entityType)}</span> : null;
};

const ActorField = (_props: { label?: string }) => {
  const record = useRecordContext<AuditEventRecord>();
  return record ? <ActorText event={record} /> : null;
};

export const AuditEventList = () => (
  <Box sx={{ width: '100%' }}>
    <AuditChainPanel />
    <List
      filters={useAuditFilters()}
      sort={{ field: 'seq', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={
        <TopToolbar>
          <FilterButton />
          <AuditCsvButton />
        </TopToolbar>
      }
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="seq">
          <NumberField source="seq" />
        </DataTable.Col>
        <DataTable.Col source="occurredAt">
          <DateField source="occurredAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="actorEmail">
          <ActorField />
        </DataTable.Col>
        <DataTable.Col source="action">
          <ActionField />
        </DataTable.Col>
        <DataTable.Col source="entityType">
          <EntityTypeField />
        </DataTable.Col>
        <DataTable.Col source="entityId" disableSort>
          <TextField source="entityId" emptyText="—" sx={{ fontFamily: 'monospace', fontSize: '0.8em' }} />
        </DataTable.Col>
      </DataTable>
    </List>
  </Box>
);

/** The record the event is about, when the console has a page for it and the reader may open it. */
const OpenRecordButton = () => {
  const record = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { permissions } = usePermissions();
  if (!record?.entityId || !(ENTITY_TYPES as readonly string[]).includes(record.entityType) || record.entityType === 'AuditTrail') return null;
  if (!mayAccess(permissions, record.entityType, 'show')) return null;
  return (
    <Button
      component={Link}
      to={createPath({ resource: record.entityType, id: record.entityId, type: 'show' })}
      size="small"
      startIcon={<OpenInNewIcon />}
    >
      {translate('ggsm.audit.open_record')}
    </Button>
  );
};

const Json = ({ value }: { value: unknown }) => (
  <Box
    component="pre"
    sx={{ m: 0, p: 1, bgcolor: 'action.hover', borderRadius: 1, fontSize: '0.8em', overflowX: 'auto', maxWidth: 440, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
  >
    {value == null ? '—' : JSON.stringify(value, null, 2)}
  </Box>
);

const Changes = (_props: { label?: string }) => {
  const record = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.before && !record.after) return <Typography variant="body2">—</Typography>;
  return (
    <Stack spacing={2}>
      <ChangeList entityType={record.entityType} before={record.before} after={record.after} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Labeled label={translate('resources.AuditEvent.fields.before')}>
          <Json value={record.before} />
        </Labeled>
        <Labeled label={translate('resources.AuditEvent.fields.after')}>
          <Json value={record.after} />
        </Labeled>
      </Stack>
    </Stack>
  );
};

const Entity = (_props: { label?: string }) => {
  const record = useRecordContext<AuditEventRecord>();
  const entityTypeLabel = useEntityTypeLabel();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Typography variant="body2">{entityTypeLabel(record.entityType)}</Typography>
      {record.entityId ? (
        <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
          {record.entityId}
        </Typography>
      ) : null}
      <OpenRecordButton />
    </Stack>
  );
};

const AuditEventTitle = () => {
  const record = useRecordContext<AuditEventRecord>();
  const translate = useTranslate();
  const actionLabel = useActionLabel();
  if (!record) return null;
  return (
    <span>
      {translate('resources.AuditEvent.name', { smart_count: 1 })} #{record.seq}: {actionLabel(record.action)}
    </span>
  );
};

export const AuditEventShow = () => (
  <Show title={<AuditEventTitle />}>
    <SimpleShowLayout>
      <NumberField source="seq" />
      <DateField source="occurredAt" showTime />
      <ActorField label="resources.AuditEvent.fields.actorEmail" />
      <ActionField label="resources.AuditEvent.fields.action" />
      <TextField source="action" label="resources.AuditEvent.fields.actionCode" sx={{ fontFamily: 'monospace' }} />
      <Entity label="resources.AuditEvent.fields.entityId" />
      <Changes label="resources.AuditEvent.fields.changes" />
      <TextField source="reason" emptyText="—" />
      <TextField source="requestId" emptyText="—" sx={{ fontFamily: 'monospace' }} />
      <TextField source="prevHash" sx={{ fontFamily: 'monospace', fontSize: '0.8em', overflowWrap: 'anywhere' }} />
      <TextField source="hash" sx={{ fontFamily: 'monospace', fontSize: '0.8em', overflowWrap: 'anywhere' }} />
    </SimpleShowLayout>
  </Show>
);

export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: PolicyIcon,
  recordRepresentation: (record: AuditEventRecord) => `#${record.seq} ${record.action}`,
};
