import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Role } from '@ggsm/domain';
import { type ChangeEvent, useRef, useState } from 'react';
import { Link, Title, useLocaleState, usePermissions, useTranslate } from 'react-admin';
import { hasRole } from '../common/permissions';
import { ImportFailed, type ImportProgress, type ImportResult, uploadImport } from './files-api';

export const IMPORT_PATH = '/import';

const DELIMITERS: Record<string, string> = { ',': '","', ';': '";"', '\t': 'tab' };
const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

/** Where the API is: while sending, nothing is known yet; then it reports rows checked and written. */
const ProgressBar = ({ progress }: { progress: ImportProgress }) => {
  const translate = useTranslate();
  const label =
    progress.phase === 'writing'
      ? translate('ggsm.importing.writing', { done: progress.done, total: progress.total })
      : translate(progress.phase === 'uploading' ? 'ggsm.importing.uploading' : 'ggsm.importing.checking');
  const determinate = progress.phase === 'writing' && progress.total > 0;
  return (
    <Box sx={{ my: 2 }} aria-live="polite">
      <Typography variant="body2" gutterBottom>
        {label}
      </Typography>
      <LinearProgress
        variant={determinate ? 'determinate' : 'indeterminate'}
        value={determinate ? (100 * progress.done) / progress.total : undefined}
        aria-label={label}
      />
    </Box>
  );
};

const ProblemTable = ({ result }: { result: ImportResult }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box sx={{ mt: 2 }}>
      {result.problemCount > result.problems.length ? (
        <Typography variant="body2" color="text.secondary">
          {translate('ggsm.importing.more_problems', { shown: result.problems.length, total: result.problemCount })}
        </Typography>
      ) : null}
      <Table size="small" aria-label={translate('ggsm.importing.problem')} data-testid="import-problems">
        <TableHead>
          <TableRow>
            <TableCell>{translate('ggsm.importing.line')}</TableCell>
            <TableCell>{translate('ggsm.importing.column')}</TableCell>
            <TableCell>{translate('ggsm.importing.problem')}</TableCell>
            <TableCell>{translate('ggsm.importing.code')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.problems.map((p, i) => (
            <TableRow key={`${p.line}-${p.column}-${p.code}-${i}`}>
              <TableCell>{p.line}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace' }}>{p.column ?? translate('ggsm.importing.whole_line')}</TableCell>
              <TableCell>{locale === 'en' ? p.message : p.messageNl}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: '0.8em' }}>{p.code}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/**
 * "Importeren": choose a CSV file, have the API check it (a dry run: the line-numbered report), then
 * import it, or only its valid rows. The API decides everything (scope, rules, who may import a legacy
 * inventory); this page shows its answers and its progress.
 */
export const ImportPage = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { permissions } = usePermissions();
  const mayLegacy = hasRole(permissions, Role.COMMUNICATIONS) || hasRole(permissions, Role.ADMIN);
  const mayDraft = hasRole(permissions, Role.COMMUNICATIONS) || hasRole(permissions, Role.EDITOR);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [legacy, setLegacy] = useState(!mayDraft);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setCheck(null);
    setDone(null);
    setError(null);
  };
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    reset();
  };
  const run = async (dryRun: boolean, onlyValidRows = false) => {
    if (!file) return;
    setError(null);
    try {
      const result = await uploadImport(file, { dryRun, onlyValidRows, asLegacy: legacy }, setProgress);
      if (dryRun) setCheck(result);
      else setDone(result);
    } catch (err) {
      const e = err instanceof ImportFailed ? err.error : { message: String(err), messageNl: String(err), violations: [] };
      const text = locale === 'en' ? e.message : e.messageNl;
      setError(translate('ggsm.importing.failed', { message: text }));
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  const clean = check !== null && check.problemCount === 0 && check.validRows > 0;
  return (
    <Box sx={{ maxWidth: 1100, mt: 2 }}>
      <Title title="ggsm.importing.title" />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('ggsm.importing.title')}
          </Typography>
          <Typography gutterBottom>{translate('ggsm.importing.intro')}</Typography>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('ggsm.importing.columns')}
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, mt: 2 }}>
            <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={busy}>
              {translate('ggsm.importing.choose')}
            </Button>
            <input ref={input} type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" hidden onChange={choose} data-testid="import-file" />
            {file ? <Typography>{translate('ggsm.importing.file', { name: file.name, size: size(file.size) })}</Typography> : null}
          </Stack>
          {mayLegacy ? (
            <Box sx={{ mt: 1 }}>
              <FormControlLabel
                control={<Checkbox checked={legacy} disabled={busy || !mayDraft} onChange={(e) => (setLegacy(e.target.checked), reset())} />}
                label={translate('ggsm.importing.legacy')}
              />
              <Typography variant="body2" color="text.secondary">
                {translate('ggsm.importing.legacy_hint')}
              </Typography>
            </Box>
          ) : null}
          <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
            <Button variant="contained" onClick={() => run(true)} disabled={!file || busy || done !== null}>
              {translate('ggsm.importing.check')}
            </Button>
            {check && !done ? (
              clean ? (
                <Button variant="contained" color="success" onClick={() => run(false)} disabled={busy}>
                  {translate('ggsm.importing.import')}
                </Button>
              ) : check.validRows > 0 ? (
                <Button variant="outlined" color="warning" onClick={() => run(false, true)} disabled={busy}>
                  {translate('ggsm.importing.import_valid', { smart_count: check.validRows })}
                </Button>
              ) : null
            ) : null}
          </Stack>
          {progress ? <ProgressBar progress={progress} /> : null}
          {error ? (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          ) : null}
          {done ? (
            <Alert severity="success" sx={{ mt: 2 }} action={<Button component={Link} to="/SocialAccount">{translate('ggsm.importing.to_list')}</Button>}>
              {translate('ggsm.importing.done', { smart_count: done.created, status: translate(`ggsm.enums.AccountStatus.${done.status}`) })}
            </Alert>
          ) : null}
          {check && !done ? (
            <Box sx={{ mt: 2 }} data-testid="import-report">
              <Typography variant="body2">
                {translate('ggsm.importing.summary', {
                  total: check.totalRows,
                  valid: check.validRows,
                  problems: check.problemCount,
                  duplicates: check.duplicateRows,
                  taken: check.takenRows,
                  charset: check.charset,
                  delimiter: DELIMITERS[check.delimiter] ?? check.delimiter,
                })}
              </Typography>
              {check.ignoredColumns.length ? (
                <Typography variant="body2" color="text.secondary">
                  {translate('ggsm.importing.ignored', { columns: check.ignoredColumns.join(', ') })}
                </Typography>
              ) : null}
              {check.problemCount === 0 ? (
                <Alert severity="success" sx={{ mt: 1 }}>
                  {translate('ggsm.importing.ok', { smart_count: check.validRows })}
                </Alert>
              ) : (
                <>
                  <Alert severity="warning" sx={{ mt: 1 }}>
                    {translate('ggsm.importing.has_problems')}
                  </Alert>
                  <ProblemTable result={check} />
                </>
              )}
            </Box>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
};
