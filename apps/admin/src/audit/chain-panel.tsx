import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { Alert, AlertTitle, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/history';
import type { AuditChainReport, AuditCheckpoint, GgsmDataProvider } from '../providers/data-provider';
import { saveBlob } from '../common/save-file';

const HASH = /^[0-9a-f]{64}$/;

/** A checkpoint as `auditCheckpoint` gave it, read back from a file: checked for shape before the API sees it. */
function asCheckpoint(value: unknown): AuditCheckpoint | null {
  if (!value || typeof value !== 'object') return null;
  const c = value as Record<string, unknown>;
  if (typeof c.length !== 'number' || !Number.isInteger(c.length) || c.length < 1) return null;
  if (typeof c.headHash !== 'string' || !HASH.test(c.headHash)) return null;
  if (typeof c.mac !== 'string' || !HASH.test(c.mac)) return null;
  if (typeof c.createdAt !== 'string' || c.createdAt.length > 40) return null;
  return { length: c.length, headHash: c.headHash, createdAt: c.createdAt, mac: c.mac };
}

/** One file holds one checkpoint (as exported here) or a list of them. */
export function parseCheckpointFile(text: string): AuditCheckpoint[] | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const items = Array.isArray(json) ? json : [json];
  const checkpoints = items.map(asCheckpoint);
  return checkpoints.length > 0 && checkpoints.every(c => c !== null) ? (checkpoints as AuditCheckpoint[]) : null;
}

function download(filename: string, content: string) {
  saveBlob(new Blob([content], { type: 'application/json' }), filename);
}

/** The API states a broken link in both languages; the reader gets the one the console speaks. */
const useProblemText = () => {
  const [locale] = useLocaleState();
  return (report: Pick<AuditChainReport, 'problem' | 'problemNl'>) => (locale === 'en' ? report.problem : report.problemNl ?? report.problem) ?? '';
};

type Busy = false | 'verify' | 'export';

/**
 * The integrity of the audit trail: "Keten controleren" recomputes the hash chain in the API (optionally
 * against checkpoints exported earlier, which also reveal a removed tail); "Controlepunt exporteren"
 * downloads the signed chain head for the archivist to keep outside ggsm.
 */
export const AuditChainPanel = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const problemText = useProblemText();
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const [busy, setBusy] = useState<Busy>(false);
  const [report, setReport] = useState<(AuditChainReport & { checkpoints: number; checkedAt: Date }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const verify = async (checkpoints: AuditCheckpoint[] = []) => {
    setBusy('verify');
    setError(null);
    try {
      const result = await dataProvider.verifyAuditChain(checkpoints);
      setReport({ ...result, checkpoints: checkpoints.length, checkedAt: new Date() });
    } catch (e) {
      setReport(null);
      setError((e as { message?: string })?.message || 'ra.notification.http_error');
    } finally {
      setBusy(false);
    }
  };

  const exportCheckpoint = async () => {
    setBusy('export');
    setError(null);
    try {
      const checkpoint = await dataProvider.auditCheckpoint();
      const stamp = checkpoint.createdAt.replace(/[:.]/g, '-');
      download(`ggsm-audit-controlepunt-${checkpoint.length}-${stamp}.json`, `${JSON.stringify(checkpoint, null, 2)}\n`);
      notify('ggsm.audit.chain.exported', { type: 'success', messageArgs: { length: checkpoint.length } });
      // The export is itself an event of the trail: show it in the list.
      refresh();
    } catch (e) {
      setError((e as { message?: string })?.message || 'ra.notification.http_error');
    } finally {
      setBusy(false);
    }
  };

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ''; // the same file may be chosen again
    if (files.length === 0) return;
    const checkpoints: AuditCheckpoint[] = [];
    for (const file of files) {
      const parsed = file.size <= 64 * 1024 ? parseCheckpointFile(await file.text()) : null;
      if (!parsed) {
        setReport(null);
        setError(translate('ggsm.audit.chain.bad_file', { name: file.name }));
        return;
      }
      checkpoints.push(...parsed);
    }
    await verify(checkpoints);
  };

  return (
    <Card sx={{ mb: 2 }} data-testid="audit-chain-panel">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate('ggsm.audit.chain.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 860 }}>
          {translate('ggsm.audit.chain.intro')}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: report || error ? 2 : 0 }}>
          <Button
            variant="contained"
            startIcon={busy === 'verify' ? <CircularProgress size={16} color="inherit" /> : <VerifiedUserIcon />}
            disabled={busy !== false}
            onClick={() => verify()}
          >
            {translate('ggsm.audit.chain.verify')}
          </Button>
          <Button variant="outlined" startIcon={<UploadFileIcon />} disabled={busy !== false} onClick={() => fileInput.current?.click()}>
            {translate('ggsm.audit.chain.verify_with')}
          </Button>
          <Button
            variant="outlined"
            startIcon={busy === 'export' ? <CircularProgress size={16} color="inherit" /> : <DownloadIcon />}
            disabled={busy !== false}
            onClick={exportCheckpoint}
          >
            {translate('ggsm.audit.chain.export')}
          </Button>
          <input ref={fileInput} type="file" accept="application/json,.json" multiple hidden onChange={onFiles} data-testid="checkpoint-file" />
        </Stack>
        {error ? (
          <Alert severity="error" role="alert">
            {translate(error, { _: error })}
          </Alert>
        ) : null}
        {report ? (
          <Alert severity={report.ok ? 'success' : 'error'} role="status" data-testid="audit-chain-report">
            <AlertTitle>{translate(report.ok ? 'ggsm.audit.chain.intact' : 'ggsm.audit.chain.broken')}</AlertTitle>
            {report.ok ? (
              translate('ggsm.audit.chain.intact_detail', { length: report.length })
            ) : (
              <>
                {translate('ggsm.audit.chain.broken_at', { seq: report.brokenAt ?? '?' })}
                {report.problem ? (
                  <Box component="span" sx={{ display: 'block' }}>
                    {translate('ggsm.audit.chain.problem')}: {problemText(report)}
                  </Box>
                ) : null}
              </>
            )}
            <Box component="span" sx={{ display: 'block', mt: 0.5, fontSize: '0.8em', overflowWrap: 'anywhere' }}>
              {report.ok ? (
                <>
                  {translate('ggsm.audit.chain.head')}: <code>{report.headHash}</code>
                  {' · '}
                </>
              ) : report.length > 0 ? (
                <>
                  {translate('ggsm.audit.chain.good_until', { length: report.length })}
                  {' · '}
                </>
              ) : null}
              {translate('ggsm.audit.chain.checked_at', { when: formatDateTime(report.checkedAt, locale) })}
              {report.checkpoints > 0 ? ` · ${translate('ggsm.audit.chain.with_checkpoints', { smart_count: report.checkpoints })}` : ''}
            </Box>
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
};
