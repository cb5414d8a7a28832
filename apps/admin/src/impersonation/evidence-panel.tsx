import DescriptionIcon from '@mui/icons-material/Description';
import ImageIcon from '@mui/icons-material/Image';
import LinkIcon from '@mui/icons-material/Link';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Link,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { isOpenImpersonationState } from '@ggsm/domain';
import { useState, type FormEvent } from 'react';
import { useDataProvider, useLocaleState, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { enumLabel } from '../common/enums';
import { formatDateTime } from '../common/history';
import { mayAddImpersonationEvidence, mayDownloadImpersonationEvidence } from '../common/permissions';
import type { GgsmDataProvider, ImpersonationEvidenceRecord } from '../providers/data-provider';
import { blobAsDataUrl, downloadScreenshot, EvidenceRequestFailed, fetchScreenshot, uploadScreenshot } from './evidence-api';
import type { ImpersonationReportRecord } from './report-fields';

const KIND_ICONS = { URL: LinkIcon, NOTE: DescriptionIcon, FILE: ImageIcon } as const;

/** "1,2 MB" / "840 kB" */
const formatSize = (bytes: number | null, locale: string): string => {
  if (bytes === null) return '';
  const nf = (n: number) => n.toLocaleString(locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${nf(bytes / (1024 * 1024))} MB` : `${nf(Math.max(1, bytes / 1024))} kB`;
};

/** A local "YYYY-MM-DDTHH:mm" from a datetime-local input as an ISO string; '' stays empty. */
const isoOrNull = (local: string): string | null => (local ? new Date(local).toISOString() : null);

const errorText = (error: unknown, locale: string): string =>
  error instanceof EvidenceRequestFailed ? error.text(locale) : ((error as Error)?.message ?? 'ra.notification.http_error');

/** A screenshot: its name, type, size and SHA-256; shown and downloaded with the session's token. */
const FileEvidence = ({ evidence }: { evidence: ImpersonationEvidenceRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions();
  const notify = useNotify();
  const [preview, setPreview] = useState<string | null>(null);
  const may = mayDownloadImpersonationEvidence(permissions) && !!evidence.downloadUrl;
  const fail = (error: unknown) => notify(errorText(error, locale), { type: 'error', messageArgs: { _: errorText(error, locale) } });
  const show = () =>
    fetchScreenshot(evidence.downloadUrl as string)
      .then(blobAsDataUrl)
      .then(setPreview, fail);
  const download = () => downloadScreenshot(evidence.downloadUrl as string, evidence.fileName ?? 'screenshot').catch(fail);
  return (
    <Box>
      <Typography variant="body2" component="div">
        <strong>{evidence.fileName}</strong>{' '}
        <Box component="span" sx={{ color: 'text.secondary' }}>
          ({evidence.mimeType}, {formatSize(evidence.sizeBytes, locale)})
        </Box>
      </Typography>
      <Typography variant="caption" component="div" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} data-testid="evidence-sha256">
        SHA-256: {evidence.sha256}
      </Typography>
      {may ? (
        <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
          <Button size="small" onClick={show} data-testid="evidence-view">
            {translate('ggsm.impersonation.evidence.view')}
          </Button>
          <Button size="small" onClick={download} data-testid="evidence-download">
            {translate('ggsm.impersonation.evidence.download')}
          </Button>
        </Stack>
      ) : null}
      {preview ? (
        <Dialog open onClose={() => setPreview(null)} maxWidth="lg">
          <DialogTitle>{evidence.fileName}</DialogTitle>
          <DialogContent>
            <Box component="img" src={preview} alt={translate('ggsm.impersonation.evidence.screenshot_alt', { name: evidence.fileName ?? '' })} sx={{ maxWidth: '100%' }} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setPreview(null)}>{translate('ra.action.close')}</Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </Box>
  );
};

const EvidenceItem = ({ evidence }: { evidence: ImpersonationEvidenceRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const Icon = KIND_ICONS[evidence.kind] ?? DescriptionIcon;
  return (
    <Paper variant="outlined" component="li" sx={{ p: 1.5, listStyle: 'none' }} data-testid="evidence-item" data-kind={evidence.kind}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <Icon color="action" aria-hidden />
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 0.5 }}>
            <Chip size="small" variant="outlined" label={translate(enumLabel('ImpersonationEvidenceKind', evidence.kind), { _: evidence.kind })} />
            {evidence.intakeSource ? (
              <Chip
                size="small"
                label={translate('ggsm.impersonation.evidence.from_report', {
                  source: translate(enumLabel('ImpersonationSource', evidence.intakeSource), { _: evidence.intakeSource }),
                })}
              />
            ) : null}
            <Typography variant="caption" color="text.secondary">
              {evidence.capturedAt
                ? translate('ggsm.impersonation.evidence.captured', { when: formatDateTime(evidence.capturedAt, locale) })
                : translate('ggsm.impersonation.evidence.added', { when: formatDateTime(evidence.createdAt, locale) })}
            </Typography>
          </Stack>
          {evidence.url ? (
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {/* A suspect's page: opened without our origin or session. */}
              <Link href={evidence.url} target="_blank" rel="noopener noreferrer nofollow">
                {evidence.url}
              </Link>
            </Typography>
          ) : null}
          {evidence.note ? (
            <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
              {evidence.note}
            </Typography>
          ) : null}
          {evidence.kind === 'FILE' ? <FileEvidence evidence={evidence} /> : null}
        </Box>
      </Stack>
    </Paper>
  );
};

/** A URL and/or note, with the moment it was seen. */
const AddEvidenceForm = ({ reportId }: { reportId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const [url, setUrl] = useState('');
  const [note, setNote] = useState('');
  const [capturedAt, setCapturedAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await dataProvider.addImpersonationEvidence(reportId, { url, note, capturedAt: isoOrNull(capturedAt) });
      setUrl('');
      setNote('');
      setCapturedAt('');
      notify('ggsm.impersonation.evidence.added_done', { type: 'success' });
      refresh();
    } catch (e) {
      setError((e as Error)?.message || 'ra.notification.http_error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={submit} aria-labelledby="add-evidence-title" data-testid="evidence-add-form">
      <Typography id="add-evidence-title" variant="subtitle2" sx={{ mb: 1 }}>
        {translate('ggsm.impersonation.evidence.add_title')}
      </Typography>
      <Stack spacing={1.5}>
        <TextField size="small" label={translate('ggsm.impersonation.evidence.url')} value={url} onChange={e => setUrl(e.target.value)} type="url" />
        <TextField size="small" label={translate('ggsm.impersonation.evidence.note')} value={note} onChange={e => setNote(e.target.value)} multiline minRows={2} />
        <TextField
          size="small"
          label={translate('ggsm.impersonation.evidence.captured_at')}
          value={capturedAt}
          onChange={e => setCapturedAt(e.target.value)}
          type="datetime-local"
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {error ? <Alert severity="error">{translate(error, { _: error })}</Alert> : null}
        <Box>
          <Button type="submit" variant="outlined" disabled={busy || (url.trim() === '' && note.trim() === '')}>
            {translate('ggsm.impersonation.evidence.add')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};

/** A screenshot, PNG or JPEG: the API checks the content and the size and says why it refuses one. */
const UploadForm = ({ reportId }: { reportId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState('');
  const [capturedAt, setCapturedAt] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await uploadScreenshot(reportId, file, { note, capturedAt: isoOrNull(capturedAt) ?? undefined });
      setFile(null);
      setNote('');
      setCapturedAt('');
      setInputKey(k => k + 1);
      notify('ggsm.impersonation.evidence.uploaded', { type: 'success' });
      refresh();
    } catch (e) {
      setError(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" onSubmit={submit} aria-labelledby="upload-evidence-title" data-testid="evidence-upload-form">
      <Typography id="upload-evidence-title" variant="subtitle2" sx={{ mb: 1 }}>
        {translate('ggsm.impersonation.evidence.upload_title')}
      </Typography>
      <Stack spacing={1.5}>
        <Box>
          <Button component="label" variant="outlined" size="small">
            {translate('ggsm.impersonation.evidence.choose_file')}
            <input
              key={inputKey}
              hidden
              type="file"
              accept="image/png,image/jpeg"
              data-testid="evidence-file"
              onChange={e => {
                setFile(e.target.files?.[0] ?? null);
                setError(null);
              }}
            />
          </Button>{' '}
          <Typography component="span" variant="body2" color="text.secondary">
            {file ? file.name : translate('ggsm.impersonation.evidence.no_file')}
          </Typography>
        </Box>
        <Typography variant="caption" color="text.secondary">
          {translate('ggsm.impersonation.evidence.upload_hint')}
        </Typography>
        <TextField size="small" label={translate('ggsm.impersonation.evidence.note')} value={note} onChange={e => setNote(e.target.value)} />
        <TextField
          size="small"
          label={translate('ggsm.impersonation.evidence.captured_at')}
          value={capturedAt}
          onChange={e => setCapturedAt(e.target.value)}
          type="datetime-local"
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {error ? (
          <Alert severity="error" data-testid="evidence-upload-error">
            {error}
          </Alert>
        ) : null}
        <Box>
          <Button type="submit" variant="outlined" disabled={busy || !file} data-testid="evidence-upload">
            {translate('ggsm.impersonation.evidence.upload')}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};

/** The case's evidence, oldest first, and (for Communications and Legal, while the case is open) the forms to add more. */
export const EvidencePanel = () => {
  const record = useRecordContext<ImpersonationReportRecord & { evidence?: ImpersonationEvidenceRecord[] }>();
  const translate = useTranslate();
  const { permissions } = usePermissions();
  if (!record) return null;
  const evidence = record.evidence ?? [];
  const mayAdd = mayAddImpersonationEvidence(permissions) && isOpenImpersonationState(record.state);
  return (
    <Box sx={{ maxWidth: 960, width: '100%' }} data-testid="evidence-panel">
      {evidence.length === 0 ? (
        <Typography color="text.secondary">{translate('ggsm.impersonation.evidence.empty')}</Typography>
      ) : (
        <Stack component="ol" spacing={1} sx={{ p: 0, m: 0 }} aria-label={translate('ggsm.impersonation.tabs.evidence')}>
          {evidence.map(e => (
            <EvidenceItem key={e.id} evidence={e} />
          ))}
        </Stack>
      )}
      {mayAdd ? (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={3} sx={{ mt: 3 }}>
          <Box sx={{ flex: 1 }}>
            <AddEvidenceForm reportId={record.id} />
          </Box>
          <Box sx={{ flex: 1 }}>
            <UploadForm reportId={record.id} />
          </Box>
        </Stack>
      ) : null}
    </Box>
  );
};
