import AlarmIcon from '@mui/icons-material/Alarm';
import { Box, Chip, Stack } from '@mui/material';
import type { ImpersonationState } from '@ggsm/domain';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { enumLabel } from '../common/enums';

/** A case as the console reads it (the API's ImpersonationReport). */
export interface ImpersonationReportRecord {
  id: string;
  reference: string;
  source: string;
  reporterName: string | null;
  reporterEmail: string | null;
  reporterPhone: string | null;
  platformId: string;
  suspectHandle: string;
  normalizedSuspectHandle: string;
  suspectUrl: string | null;
  suspectDisplayName: string | null;
  description: string;
  suggestedAccountId: string | null;
  imitatedAccountId: string | null;
  state: ImpersonationState;
  stateEnteredAt: string;
  dueAt: string | null;
  overdue: boolean;
  dismissalReason: string | null;
  legalDecision: string | null;
  legalReasoning: string | null;
  legalDecidedAt: string | null;
  platformCaseRef: string | null;
  takedownFiledAt: string | null;
  takedownOutcome: string | null;
  takedownOutcomeAt: string | null;
  reportCount: number;
  availableSteps: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

type ChipColor = 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'error' | 'info';

const STATE_COLORS: Record<ImpersonationState, ChipColor> = {
  RECEIVED: 'info',
  TRIAGED: 'info',
  LEGAL_REVIEW: 'primary',
  TAKEDOWN_REQUESTED: 'warning',
  TAKEDOWN_ACCEPTED: 'success',
  TAKEDOWN_DENIED: 'error',
  MONITORING: 'secondary',
  CLOSED: 'default',
  DISMISSED: 'default',
};

/** "30 nov 2026" in Dutch, "30 Nov 2026" in English. */
export const formatDate = (value: string | null | undefined, locale: string): string =>
  value ? new Date(value).toLocaleDateString(locale === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'short', year: 'numeric' }) : '';

/** The state as a chip, and "te laat" with the due date when the case is past the time limit of its state. */
export const StateField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<ImpersonationReportRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <Chip
        size="small"
        variant="outlined"
        color={STATE_COLORS[record.state] ?? 'default'}
        label={translate(enumLabel('ImpersonationState', record.state), { _: record.state })}
        data-testid="case-state"
        data-state={record.state}
      />
      <OverdueChip />
    </Stack>
  );
};

export const OverdueChip = () => {
  const record = useRecordContext<ImpersonationReportRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.overdue) return null;
  const due = formatDate(record.dueAt, locale);
  return (
    <Chip
      size="small"
      color="error"
      icon={<AlarmIcon />}
      label={translate('ggsm.impersonation.overdue', { date: due })}
      data-testid="case-overdue"
      title={translate('ggsm.impersonation.overdue_hint', { date: due })}
    />
  );
};

/** The suspect handle as written, with its display name under it. */
export const SuspectField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<ImpersonationReportRecord>();
  if (!record) return null;
  return (
    <Box>
      <Box component="span" sx={{ fontFamily: 'monospace' }}>
        @{record.suspectHandle}
      </Box>
      {record.suspectDisplayName ? (
        <Box component="div" sx={{ color: 'text.secondary', fontSize: '0.85em' }}>
          {record.suspectDisplayName}
        </Box>
      ) : null}
    </Box>
  );
};
