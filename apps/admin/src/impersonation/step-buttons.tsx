import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { IMPERSONATION_STEP_NAMES, type ImpersonationStep } from '@ggsm/domain';
import { useState, type ReactNode } from 'react';
import {
  AutocompleteInput,
  DateTimeInput,
  Form,
  RadioButtonGroupInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  type Validator,
} from 'react-admin';
import { enumChoices } from '../common/enums';
import { isVersionConflict, VersionConflictNotice } from '../common/version-conflict';
import type { GgsmDataProvider, ImpersonationStepInput } from '../providers/data-provider';
import type { ImpersonationReportRecord } from './report-fields';

/** Text that is only spaces is no reasoning: refused here as the API refuses it. */
const notBlank: Validator = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' && value !== '' ? 'ggsm.impersonation.form.blank' : undefined;

const requiredText = [required(), notBlank];

/** A date-time from the form (a Date or the input's local "YYYY-MM-DDTHH:mm") as the API's ISO string. */
const iso = (value: unknown): string | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

const trimmed = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

interface StepError {
  message?: string;
  body?: { code?: string; graphQLErrors?: { message?: string; extensions?: { messageNl?: string } }[] };
}

/**
 * What to tell the user: for a refused transition the API's whole sentence ("Een melding met status … kan
 * niet: …"), which says more than its violation alone; otherwise the data provider's message (the field
 * violations of bad input).
 */
const refusalText = (error: unknown, locale: string): string => {
  const e = error as StepError | null;
  const first = e?.body?.graphQLErrors?.[0];
  if (e?.body?.code && e.body.code !== 'BAD_USER_INPUT' && first) {
    const text = locale === 'en' ? first.message : (first.extensions?.messageNl ?? first.message);
    if (text) return text;
  }
  return e?.message || 'ra.notification.http_error';
};

/** Form values → the step's arguments. */
const inputOf = (step: ImpersonationStep, values: Record<string, unknown>): ImpersonationStepInput => {
  switch (step) {
    case 'triage':
      return { imitatedAccountId: (values.imitatedAccountId as string | null | undefined) ?? null };
    case 'dismiss':
      return { reason: values.reason as string, comment: trimmed(values.comment) };
    case 'recordLegalDecision':
      return { decision: values.decision as string, reasoning: trimmed(values.reasoning) };
    case 'recordTakedownRequest':
      return { platformCaseRef: trimmed(values.platformCaseRef), filedAt: iso(values.filedAt) };
    case 'recordTakedownOutcome':
      return { outcome: values.outcome as string, decidedAt: iso(values.decidedAt) };
    default:
      return { comment: trimmed(values.comment) ?? null };
  }
};

/** The inputs of each step's form. */
const StepInputs = ({ step, record }: { step: ImpersonationStep; record: ImpersonationReportRecord }): ReactNode => {
  const translate = useTranslate();
  switch (step) {
    case 'triage':
      return (
        <ReferenceInput source="imitatedAccountId" reference="SocialAccount" sort={{ field: 'handle', order: 'ASC' }}>
          <AutocompleteInput
            validate={required()}
            fullWidth
            helperText={translate(record.suggestedAccountId ? 'ggsm.impersonation.form.triage_suggested' : 'ggsm.impersonation.form.triage_none')}
          />
        </ReferenceInput>
      );
    case 'dismiss':
      return (
        <>
          <SelectInput source="reason" choices={enumChoices('DismissalReason')} validate={required()} fullWidth />
          <TextInput source="comment" multiline minRows={3} fullWidth validate={requiredText} />
        </>
      );
    case 'recordLegalDecision':
      return (
        <>
          <RadioButtonGroupInput source="decision" choices={enumChoices('LegalDecision')} validate={required()} row={false} />
          <TextInput
            source="legalReasoning"
            multiline
            minRows={4}
            fullWidth
            validate={requiredText}
            helperText={translate('ggsm.impersonation.form.reasoning_hint')}
          />
        </>
      );
    case 'recordTakedownRequest':
      return (
        <>
          <TextInput source="platformCaseRef" fullWidth validate={requiredText} />
          <DateTimeInput source="takedownFiledAt" validate={required()} />
        </>
      );
    case 'recordTakedownOutcome':
      return (
        <>
          <RadioButtonGroupInput source="takedownOutcome" choices={enumChoices('TakedownOutcome')} validate={required()} />
          <DateTimeInput source="takedownOutcomeAt" validate={required()} />
        </>
      );
    default:
      return <TextInput source="comment" multiline minRows={2} fullWidth helperText={translate('ggsm.impersonation.form.comment_optional')} />;
  }
};

/** The form's own field names (matching the record's, so the labels are the record's) → the step's argument names. */
const formValues = (step: ImpersonationStep, values: Record<string, unknown>): Record<string, unknown> => {
  switch (step) {
    case 'recordLegalDecision':
      return { decision: values.decision, reasoning: values.legalReasoning };
    case 'recordTakedownRequest':
      return { platformCaseRef: values.platformCaseRef, filedAt: values.takedownFiledAt };
    case 'recordTakedownOutcome':
      return { outcome: values.takedownOutcome, decidedAt: values.takedownOutcomeAt };
    default:
      return values;
  }
};

const defaultsOf = (step: ImpersonationStep, record: ImpersonationReportRecord): Record<string, unknown> => {
  switch (step) {
    case 'triage':
      return { imitatedAccountId: record.imitatedAccountId ?? record.suggestedAccountId ?? null };
    case 'recordTakedownRequest':
      return { platformCaseRef: '', takedownFiledAt: new Date() };
    case 'recordTakedownOutcome':
      return { takedownOutcomeAt: new Date() };
    default:
      return {};
  }
};

const PRIMARY: readonly ImpersonationStep[] = ['triage', 'sendToLegal', 'recordLegalDecision', 'recordTakedownRequest', 'recordTakedownOutcome'];

/**
 * The steps the API says the user may take on this case now (`availableSteps`), as buttons; each opens its
 * form. The API judges again on submit: a stale version gets the usual conflict notice.
 */
export const ImpersonationStepButtons = () => {
  const record = useRecordContext<ImpersonationReportRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const [asking, setAsking] = useState<ImpersonationStep | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [locale] = useLocaleState();

  if (!record) return null;
  // In the domain's order, whatever order the API lists them in.
  const steps = IMPERSONATION_STEP_NAMES.filter(step => record.availableSteps?.includes(step));
  if (steps.length === 0) return null;

  const close = () => {
    if (busy) return;
    setAsking(null);
    setFailure(null);
  };

  const submit = async (step: ImpersonationStep, values: Record<string, unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await dataProvider.impersonationStep(step, String(record.id), record.version, inputOf(step, formValues(step, values)));
      setAsking(null);
      notify(`ggsm.impersonation.done.${step}`, { type: 'success' });
      refresh();
    } catch (error) {
      if (isVersionConflict(error)) {
        setAsking(null);
        notify(<VersionConflictNotice resource="ImpersonationReport" />, { type: 'error', autoHideDuration: null });
      } else {
        setFailure(refusalText(error, locale));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {steps.map(step => (
        <Button
          key={step}
          size="small"
          variant={PRIMARY.includes(step) ? 'contained' : 'outlined'}
          color={step === 'dismiss' ? 'inherit' : 'primary'}
          disabled={busy}
          onClick={() => setAsking(step)}
          data-testid={`case-step-${step}`}
        >
          {translate(`ggsm.impersonation.steps.${step}`)}
        </Button>
      ))}
      {asking ? (
        <Dialog open onClose={close} fullWidth maxWidth="sm" aria-labelledby="case-step-title">
          {/* The form's record is the step's defaults, not the case: its fields share the case's names (and labels). */}
          <Form key={asking} onSubmit={(values: Record<string, unknown>) => submit(asking, values)} record={defaultsOf(asking, record)}>
            <DialogTitle id="case-step-title">{translate(`ggsm.impersonation.steps.${asking}`)}</DialogTitle>
            <DialogContent data-testid={`case-step-form-${asking}`}>
              <DialogContentText sx={{ mb: 2 }}>{translate(`ggsm.impersonation.step_help.${asking}`)}</DialogContentText>
              <StepInputs step={asking} record={record} />
              {failure ? (
                <Alert severity="error" sx={{ mt: 1 }} data-testid="case-step-error">
                  {translate(failure, { _: failure })}
                </Alert>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={close} disabled={busy}>
                {translate('ra.action.cancel')}
              </Button>
              <Button type="submit" variant="contained" disabled={busy} data-testid="case-step-submit">
                {translate(`ggsm.impersonation.steps.${asking}`)}
              </Button>
            </DialogActions>
          </Form>
        </Dialog>
      ) : null}
    </>
  );
};
