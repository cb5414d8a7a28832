import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, TextField } from '@mui/material';
import { ACCOUNT_STEPS, availableSteps, type AccountStatus, type AccountStep, type Role } from '@ggsm/domain';
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
}

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
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const [asking, setAsking] = useState<AccountStep | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Violation[] | null>(null);

  if (!record || !Array.isArray(permissions)) return null;
  const steps = availableSteps(record.status, permissions as Role[]);

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
      {steps.map(step => (
        <Button
          key={step}
          size="small"
          variant={step === 'approve' || step === 'submit' ? 'contained' : 'outlined'}
          disabled={busy}
          onClick={() => (textKind(step) ? setAsking(step) : run(step))}
        >
          {translate(`ggsm.lifecycle.steps.${step}`)}
        </Button>
      ))}
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
            <List dense data-testid="approval-violations">
              {refusal.map((v, i) => (
                <ListItem key={`${v.code}-${i}`} data-code={v.code}>
                  <ListItemText primary={locale === 'en' ? v.message : (v.messageNl ?? v.message)} />
                </ListItem>
              ))}
            </List>
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
