import { Alert, AlertTitle, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, TextField, Tooltip } from '@mui/material';
import { ACCOUNT_STEPS, Role, availableSteps, type AccountStatus, type AccountStep } from '@ggsm/domain';
import { useState } from 'react';
import { EditButton, TopToolbar, useDataProvider, useLocaleState, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { isVersionConflict, VersionConflictNotice } from '../common/version-conflict';
import type { GgsmDataProvider, LifecycleStep } from '../providers/data-provider';

interface Violation {
  code: string;
  message: string;
  messageNl?: string;
}

/** Refusals of an approval that name every unmet condition. */
const APPROVAL_REFUSALS = ['CHECKLIST_INCOMPLETE', 'SELF_APPROVAL'];

const bodyOf = (error: unknown) => (error as { body?: { code?: string; violations?: Violation[] } } | null)?.body;

interface AccountRecord {
  id: string;
  status: AccountStatus;
  version: number;
  /** The API's answer to "could the logged-in user approve this now?": one entry per unmet condition. */
  approvalProblems?: Violation[];
}

const mayApprove = (permissions: unknown) => Array.isArray(permissions) && permissions.includes(Role.COMMUNICATIONS);

/**
 * The conditions that block approval, as the logged-in user meets them. "Approved by the requester" only
 * concerns those who approve; an editor sees what its unit still has to do.
 */
const openConditions = (record: AccountRecord | undefined, permissions: unknown): Violation[] =>
  (record?.approvalProblems ?? []).filter(p => mayApprove(permissions) || p.code !== 'SELF_APPROVAL');

const localized = (v: Violation, locale: string) => (locale === 'en' ? v.message : (v.messageNl ?? v.message));

const ConditionList = ({ items, testId }: { items: Violation[]; testId: string }) => {
  const [locale] = useLocaleState();
  return (
    <List dense disablePadding data-testid={testId}>
      {items.map((v, i) => (
        <ListItem key={`${v.code}-${i}`} data-code={v.code} disableGutters sx={{ py: 0 }}>
          <ListItemText primary={`• ${localized(v, locale)}`} />
        </ListItem>
      ))}
    </List>
  );
};

/** The text a step asks for: requestChanges a comment, reject/archive/reactivate a reason. */
const textKind = (step: AccountStep): 'comment' | 'reason' | null =>
  step === 'requestChanges' ? 'comment' : ACCOUNT_STEPS[step].reasonRequired ? 'reason' : null;

/**
 * The lifecycle steps the logged-in user can take on this account now (`availableSteps` of the domain
 * library), as buttons. The API decides anyway: a refused approval lists every unmet condition.
 */
const LifecycleButtons = () => {
  const record = useRecordContext<AccountRecord>();
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const [asking, setAsking] = useState<AccountStep | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Violation[] | null>(null);

  if (!record || !Array.isArray(permissions)) return null;
  const steps = availableSteps(record.status, permissions as Role[]);
  const open = openConditions(record, permissions);

  const run = async (step: AccountStep, stepText?: string) => {
    setBusy(true);
    try {
      await dataProvider.accountStep(step as LifecycleStep, String(record.id), record.version, stepText);
      setAsking(null);
      setText('');
      notify(`ggsm.lifecycle.done.${step}`, { type: 'success' });
      refresh();
    } catch (error) {
      const body = bodyOf(error);
      if (isVersionConflict(error)) {
        setAsking(null);
        notify(<VersionConflictNotice resource="SocialAccount" />, { type: 'error', autoHideDuration: null });
      } else if (body?.code && APPROVAL_REFUSALS.includes(body.code) && body.violations?.length) {
        setRefusal(body.violations);
      } else {
        const message = (error as Error)?.message || 'ra.notification.http_error';
        notify(message, { type: 'error', messageArgs: { _: message } });
      }
    } finally {
      setBusy(false);
    }
  };

  const kind = asking ? textKind(asking) : null;
  return (
    <>
      {steps.map(step => {
        const blocked = step === 'approve' && open.length > 0;
        const button = (
          <Button
            key={step}
            size="small"
            variant={step === 'approve' || step === 'submit' ? 'contained' : 'outlined'}
            disabled={busy || blocked}
            onClick={() => (textKind(step) ? setAsking(step) : run(step))}
            data-testid={`step-${step}`}
          >
            {translate(`ggsm.lifecycle.steps.${step}`)}
          </Button>
        );
        // A disabled button gets no pointer events: the tooltip hangs on a wrapper.
        return blocked ? (
          <Tooltip key={step} title={translate('ggsm.lifecycle.blocked_hint', { smart_count: open.length })}>
            <span>{button}</span>
          </Tooltip>
        ) : (
          button
        );
      })}
      {asking && kind ? (
        <Dialog open onClose={busy ? undefined : () => setAsking(null)} fullWidth maxWidth="sm">
          <DialogTitle>{translate(`ggsm.lifecycle.steps.${asking}`)}</DialogTitle>
          <DialogContent>
            <TextField
              autoFocus
              fullWidth
              multiline
              minRows={3}
              sx={{ mt: 1 }}
              label={translate(`ggsm.lifecycle.${kind}`)}
              value={text}
              onChange={e => setText(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'lifecycle-text' } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setAsking(null)} disabled={busy}>
              {translate('ra.action.cancel')}
            </Button>
            <Button variant="contained" disabled={busy || text.trim() === ''} onClick={() => run(asking, text)}>
              {translate(`ggsm.lifecycle.steps.${asking}`)}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
      {refusal ? (
        <Dialog open onClose={() => setRefusal(null)} fullWidth maxWidth="sm">
          <DialogTitle>{translate('ggsm.lifecycle.refused_title')}</DialogTitle>
          <DialogContent>
            <Alert severity="warning">{translate('ggsm.lifecycle.refused_body')}</Alert>
            <ConditionList items={refusal} testId="approval-violations" />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setRefusal(null)}>{translate('ra.action.close')}</Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </>
  );
};

/** The show page's toolbar: the lifecycle steps, then "Bewerken". */
export const AccountShowActions = () => (
  <TopToolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
    <LifecycleButtons />
    <EditButton />
  </TopToolbar>
);

/**
 * Above a draft or submitted account: what still stands between it and approval, or that nothing does.
 * The approve button is disabled while this lists anything; the API judges again when it is pressed.
 */
export const ApprovalReadiness = () => {
  const record = useRecordContext<AccountRecord>();
  const { permissions } = usePermissions();
  const translate = useTranslate();
  if (!record || (record.status !== 'DRAFT' && record.status !== 'SUBMITTED') || !Array.isArray(record.approvalProblems)) return null;
  const open = openConditions(record, permissions);
  const judge = mayApprove(permissions) && record.status === 'SUBMITTED';
  if (open.length === 0) {
    return (
      <Alert severity="success" sx={{ mx: 2, mt: 2 }} data-testid="approval-readiness" data-ready="true">
        {translate(judge ? 'ggsm.lifecycle.ready_judge' : 'ggsm.lifecycle.ready_unit')}
      </Alert>
    );
  }
  return (
    <Alert severity={judge ? 'warning' : 'info'} sx={{ mx: 2, mt: 2 }} data-testid="approval-readiness" data-ready="false">
      <AlertTitle>{translate(judge ? 'ggsm.lifecycle.blocked_judge' : 'ggsm.lifecycle.blocked_unit', { smart_count: open.length })}</AlertTitle>
      <ConditionList items={open} testId="approval-conditions" />
    </Alert>
  );
};

/** The approval queue's column: ready, or how many conditions are still open. */
export const ReadinessChip = (_props: { label?: string }) => {
  const record = useRecordContext<AccountRecord>();
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record || !Array.isArray(record.approvalProblems)) return null;
  const open = openConditions(record, permissions);
  return open.length === 0 ? (
    <Chip size="small" color="success" label={translate('ggsm.queue.ready')} data-testid="readiness" data-ready="true" />
  ) : (
    <Tooltip title={open.map(v => localized(v, locale)).join(' · ')}>
      <Chip size="small" color="warning" variant="outlined" label={translate('ggsm.queue.open', { smart_count: open.length })} data-testid="readiness" data-ready="false" />
    </Tooltip>
  );
};
