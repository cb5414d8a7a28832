import {
  Alert,
  Button,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Role } from '@ggsm/domain';
import { useEffect, useState } from 'react';
import { useDataProvider, useLocaleState, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { hasRole } from '../common/permissions';
import type { ChecklistResult, GgsmDataProvider } from '../providers/data-provider';

type ChipColor = 'success' | 'error' | 'warning' | 'default';

const STATE_COLORS: Record<ChecklistResult['state'], ChipColor> = {
  PASS: 'success',
  FAIL: 'error',
  PENDING: 'warning',
  NOT_APPLICABLE: 'default',
};

interface AttestDialogProps {
  item: ChecklistResult;
  passed: boolean;
  onClose: () => void;
  onSave: (note: string, evidenceUrl: string) => Promise<void>;
}

/** "Akkoord" / "Niet akkoord" on one item, with an optional note and evidence link. */
const AttestDialog = ({ item, passed, onClose, onSave }: AttestDialogProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [note, setNote] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [saving, setSaving] = useState(false);
  return (
    <Dialog open onClose={saving ? undefined : onClose} fullWidth maxWidth="sm">
      <DialogTitle>
        {translate(passed ? 'ggsm.checklist.attest_pass_title' : 'ggsm.checklist.attest_fail_title', {
          title: locale === 'en' ? item.titleEn : item.titleNl,
        })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            label={translate('ggsm.checklist.note')}
            value={note}
            onChange={e => setNote(e.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': 'attest-note' } }}
          />
          <TextField
            label={translate('ggsm.checklist.evidence_url')}
            value={evidenceUrl}
            onChange={e => setEvidenceUrl(e.target.value)}
            placeholder="https://"
            slotProps={{ htmlInput: { 'data-testid': 'attest-evidence' } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          {translate('ra.action.cancel')}
        </Button>
        <Button
          variant="contained"
          disabled={saving}
          onClick={async () => {
            setSaving(true);
            try {
              await onSave(note, evidenceUrl);
            } finally {
              setSaving(false);
            }
          }}
        >
          {translate('ggsm.checklist.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * The brand checklist ("Huisstijl") of the account: every item with its state and the reason, in the
 * console's language. Communications judges the ATTESTATION items; the API recomputes the rest.
 */
export const ChecklistTab = () => {
  const record = useRecordContext<{ id: string; version?: number }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions();
  const mayAttest = hasRole(permissions, Role.COMMUNICATIONS);
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const [attesting, setAttesting] = useState<{ item: ChecklistResult; passed: boolean } | null>(null);
  const [data, setData] = useState<ChecklistResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = record?.id;
  const version = record?.version;

  // Reloaded when the account changes (a save or a lifecycle step bumps its version).
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    dataProvider
      .accountChecklist(String(id))
      .then(result => {
        if (!cancelled) {
          setData(result);
          setError(null);
        }
      })
      .catch((e: unknown) => {
        if (!cancelled) setError((e as Error)?.message || 'ra.notification.http_error');
      });
    return () => {
      cancelled = true;
    };
  }, [dataProvider, id, version]);

  if (!record) return null;
  if (error) return <Alert severity="error">{translate(error, { _: error })}</Alert>;
  if (!data) return <CircularProgress size={24} />;

  const save = async (item: ChecklistResult, passed: boolean, note: string, evidenceUrl: string) => {
    try {
      const updated = await dataProvider.attestChecklistItem(String(record.id), item.key, { passed, note, evidenceUrl });
      setData(updated);
      setAttesting(null);
      notify('ggsm.checklist.attested', { type: 'success' });
      refresh();
    } catch (e) {
      notify((e as Error)?.message || 'ra.notification.http_error', { type: 'error' });
    }
  };

  return (
    <>
      <Table size="small" data-testid="account-checklist">
        <TableHead>
          <TableRow>
            <TableCell>{translate('ggsm.checklist.item')}</TableCell>
            <TableCell>{translate('ggsm.checklist.state')}</TableCell>
            <TableCell>{translate('ggsm.checklist.reason')}</TableCell>
            <TableCell>{translate('ggsm.checklist.mode')}</TableCell>
            {mayAttest ? <TableCell /> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {(data ?? []).map(item => (
            <TableRow key={item.key} data-key={item.key} data-state={item.state}>
              <TableCell>
                <Typography variant="body2">{locale === 'en' ? item.titleEn : item.titleNl}</Typography>
                {!item.required ? (
                  <Typography variant="caption" color="text.secondary">
                    {translate('ggsm.checklist.optional')}
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell>
                <Chip size="small" variant="outlined" color={STATE_COLORS[item.state]} label={translate(`ggsm.checklist.states.${item.state}`)} />
              </TableCell>
              <TableCell>
                {/* The API's reason already quotes an attestation's note. */}
                <Typography variant="body2">{locale === 'en' ? item.reasonEn : item.reasonNl}</Typography>
                {item.attestation?.evidenceUrl ? (
                  <Typography variant="caption" component="div">
                    <a href={item.attestation.evidenceUrl} target="_blank" rel="noopener noreferrer">
                      {translate('ggsm.checklist.evidence')}
                    </a>
                  </Typography>
                ) : null}
              </TableCell>
              <TableCell>
                <Typography variant="body2">{translate(`ggsm.checklist.modes.${item.mode}`)}</Typography>
              </TableCell>
              {mayAttest ? (
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {item.mode === 'ATTESTATION' && item.state !== 'NOT_APPLICABLE' ? (
                    <Stack direction="row" spacing={1}>
                      <Button size="small" variant="outlined" color="success" onClick={() => setAttesting({ item, passed: true })}>
                        {translate('ggsm.checklist.pass')}
                      </Button>
                      <Button size="small" variant="outlined" color="error" onClick={() => setAttesting({ item, passed: false })}>
                        {translate('ggsm.checklist.fail')}
                      </Button>
                    </Stack>
                  ) : null}
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {attesting ? (
        <AttestDialog
          item={attesting.item}
          passed={attesting.passed}
          onClose={() => setAttesting(null)}
          onSave={(note, evidenceUrl) => save(attesting.item, attesting.passed, note, evidenceUrl)}
        />
      ) : null}
    </>
  );
};
