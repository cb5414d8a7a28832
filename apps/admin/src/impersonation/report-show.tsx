import { Box, Chip, Paper, Stack, Typography } from '@mui/material';
import {
  DateField,
  NumberField,
  ReferenceField,
  Show,
  Tab,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumLabel, EnumField } from '../common/enums';
import { AuditHistory } from '../common/history';
import { useMayAccess } from '../common/permissions';
import { EvidencePanel } from './evidence-panel';
import { HandleComparison } from './handle-comparison';
import { ImitatedAccountField } from './report-list';
import { type ImpersonationReportRecord, StateField } from './report-fields';
import { ImpersonationStepButtons } from './step-buttons';

const ShowActions = () => (
  <TopToolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
    <ImpersonationStepButtons />
  </TopToolbar>
);

/** The reference, the state (with "te laat") and, once taken, the legal decision: what a reader looks for first. */
const CaseHeader = () => {
  const record = useRecordContext<ImpersonationReportRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', px: 2, pt: 2 }} data-testid="case-header">
      <Typography variant="h5" component="h1" sx={{ fontFamily: 'monospace' }} data-testid="case-reference">
        {record.reference}
      </Typography>
      <StateField />
      {record.legalDecision ? (
        <Chip
          size="small"
          color={record.legalDecision === 'IMPERSONATION' ? 'error' : 'default'}
          label={`${translate('resources.ImpersonationReport.fields.legalDecision')}: ${translate(enumLabel('LegalDecision', record.legalDecision), { _: record.legalDecision })}`}
          data-testid="case-decision"
          data-decision={record.legalDecision}
        />
      ) : null}
    </Stack>
  );
};

/** Reporter contact is personal data: the API gives it to Communications and Legal only, and so it shows only then. */
const ReporterContact = () => {
  const record = useRecordContext<ImpersonationReportRecord>();
  const translate = useTranslate();
  if (!record || !(record.reporterName || record.reporterEmail || record.reporterPhone)) return null;
  return (
    <Paper variant="outlined" sx={{ p: 1.5, maxWidth: 640 }} data-testid="reporter-contact" component="section" aria-labelledby="reporter-title">
      <Typography id="reporter-title" variant="subtitle2">
        {translate('ggsm.impersonation.reporter.title')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
        {translate('ggsm.impersonation.reporter.hint')}
      </Typography>
      {[
        ['reporterName', record.reporterName],
        ['reporterEmail', record.reporterEmail],
        ['reporterPhone', record.reporterPhone],
      ].map(([field, value]) =>
        value ? (
          <Typography key={field} variant="body2">
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {translate(`resources.ImpersonationReport.fields.${field}`)}:
            </Box>{' '}
            {value}
          </Typography>
        ) : null,
      )}
    </Paper>
  );
};

/** The suspect's page, opened without our origin or session. */
const SuspectUrlField = (_props: { label?: string }) => {
  const record = useRecordContext<ImpersonationReportRecord>();
  if (!record?.suspectUrl) return <span>—</span>;
  return (
    <a href={record.suspectUrl} target="_blank" rel="noopener noreferrer nofollow" style={{ overflowWrap: 'anywhere' }}>
      {record.suspectUrl}
    </a>
  );
};

/** Logins are only readable for administrators and auditors; others see the id. */
const UserRef = ({ source }: { source: string }) =>
  useMayAccess('User', 'show') ? <ReferenceField source={source} reference="User" emptyText="—" /> : <TextField source={source} emptyText="—" />;

export const ImpersonationReportShow = () => (
  <Show actions={<ShowActions />}>
    <CaseHeader />
    <TabbedShowLayout>
      <Tab label="ggsm.impersonation.tabs.case">
        <HandleComparison />
        <ReferenceField source="platformId" reference="Platform" link={false} />
        <TextField source="suspectHandle" sx={{ fontFamily: 'monospace' }} />
        <TextField source="suspectDisplayName" emptyText="—" />
        <SuspectUrlField label="resources.ImpersonationReport.fields.suspectUrl" />
        <TextField source="description" sx={{ whiteSpace: 'pre-line' }} />
        <ImitatedAccountField label="resources.ImpersonationReport.fields.imitatedAccountId" />
        <EnumField source="source" enumName="ImpersonationSource" />
        <NumberField source="reportCount" />
        <DateField source="createdAt" showTime />
        <DateField source="stateEnteredAt" showTime />
        <DateField source="dueAt" showTime emptyText="—" />
        <ReporterContact />
      </Tab>
      <Tab label="ggsm.impersonation.tabs.handling" path="handling">
        <EnumField source="dismissalReason" enumName="DismissalReason" />
        <EnumField source="legalDecision" enumName="LegalDecision" />
        <TextField source="legalReasoning" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
        <DateField source="legalDecidedAt" showTime emptyText="—" />
        <UserRef source="legalDecidedById" />
        <TextField source="platformCaseRef" emptyText="—" />
        <DateField source="takedownFiledAt" showTime emptyText="—" />
        <EnumField source="takedownOutcome" enumName="TakedownOutcome" />
        <DateField source="takedownOutcomeAt" showTime emptyText="—" />
        <NumberField source="version" />
      </Tab>
      <Tab label="ggsm.impersonation.tabs.evidence" path="evidence">
        <EvidencePanel />
      </Tab>
      <Tab label="ggsm.impersonation.tabs.timeline" path="timeline">
        <AuditHistory entityType="ImpersonationReport" label={false} />
      </Tab>
    </TabbedShowLayout>
  </Show>
);
