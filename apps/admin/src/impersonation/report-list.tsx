import { Box, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  List,
  NullableBooleanInput,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumChoices, EnumField } from '../common/enums';
import { type ImpersonationReportRecord, StateField, SuspectField } from './report-fields';

/** What a list row needs: not the evidence, which the API resolves per case (the show page asks for it). */
export const LIST_FIELDS = [
  'id',
  'reference',
  'source',
  'platformId',
  'suspectHandle',
  'suspectDisplayName',
  'suggestedAccountId',
  'imitatedAccountId',
  'state',
  'stateEnteredAt',
  'dueAt',
  'overdue',
  'legalDecision',
  'reportCount',
  'version',
  'createdAt',
  'updatedAt',
];

/** The confirmed imitated account; before triage the engine's suggestion, marked as such. */
export const ImitatedAccountField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<ImpersonationReportRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (record.imitatedAccountId) return <ReferenceField source="imitatedAccountId" reference="SocialAccount" link={false} />;
  if (!record.suggestedAccountId) return <Typography variant="body2" color="text.disabled">—</Typography>;
  return (
    <Box>
      <ReferenceField source="suggestedAccountId" reference="SocialAccount" link={false} />
      <Typography component="div" variant="caption" color="text.secondary">
        {translate('ggsm.impersonation.suggested')}
      </Typography>
    </Box>
  );
};

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="state" source="state" choices={enumChoices('ImpersonationState')} alwaysOn />,
  <NullableBooleanInput key="open" source="open" alwaysOn />,
  <NullableBooleanInput key="overdue" source="overdue" alwaysOn />,
  <SelectInput key="source" source="source" choices={enumChoices('ImpersonationSource')} />,
  <ReferenceInput key="platform" source="platform" reference="Platform" sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

const CaseColumns = () => (
  <DataTable rowClick="show" bulkActionButtons={false}>
    <DataTable.Col source="reference">
      <TextField source="reference" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }} />
    </DataTable.Col>
    <DataTable.Col source="state">
      <StateField />
    </DataTable.Col>
    <DataTable.Col source="platformId">
      <ReferenceField source="platformId" reference="Platform" link={false} />
    </DataTable.Col>
    <DataTable.Col source="suspectHandle">
      <SuspectField />
    </DataTable.Col>
    <DataTable.Col source="imitatedAccountId" disableSort>
      <ImitatedAccountField />
    </DataTable.Col>
    <DataTable.Col source="reportCount">
      <NumberField source="reportCount" />
    </DataTable.Col>
    <DataTable.Col source="source">
      <EnumField source="source" enumName="ImpersonationSource" />
    </DataTable.Col>
    <DataTable.Col source="createdAt">
      <DateField source="createdAt" />
    </DataTable.Col>
  </DataTable>
);

/** The case queue: every case the user may see, filtered by state, open or overdue. */
export const ImpersonationReportList = () => (
  <List
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}
    exporter={false}
  >
    <CaseColumns />
  </List>
);

export const LEGAL_QUEUE_PATH = '/legal-review';

/** Where Legal has work: the decision, then the takedown until its outcome is known. */
export const LEGAL_QUEUE_STATES = ['LEGAL_REVIEW', 'TAKEDOWN_REQUESTED', 'TAKEDOWN_ACCEPTED', 'TAKEDOWN_DENIED'];

const LegalQueueEmpty = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Typography color="text.secondary">{translate('ggsm.impersonation.legal_queue.empty')}</Typography>
    </Box>
  );
};

/** "Juridische beoordeling": Legal's worklist, the longest-waiting case first. */
export const LegalQueue = () => (
  <List
    resource="ImpersonationReport"
    filter={{ states: LEGAL_QUEUE_STATES }}
    sort={{ field: 'stateEnteredAt', order: 'ASC' }}
    perPage={25}
    title="ggsm.impersonation.legal_queue.title"
    disableSyncWithLocation
    storeKey="ImpersonationReport.legalQueue"
    queryOptions={{ meta: { sparseFields: LIST_FIELDS } }}
    empty={<LegalQueueEmpty />}
    actions={false}
  >
    <Box data-testid="legal-queue">
      <CaseColumns />
    </Box>
  </List>
);
