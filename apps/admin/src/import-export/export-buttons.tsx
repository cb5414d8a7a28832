import DownloadIcon from '@mui/icons-material/Download';
import { Button, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useListContext, useNotify, useTranslate } from 'react-admin';
import { downloadExport } from './files-api';

const ExportButton = ({ path, label, fileName, title }: { path: string; label: string; fileName: string; title?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const click = async () => {
    setBusy(true);
    try {
      await downloadExport(path, fileName);
    } catch {
      notify('ggsm.exporting.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <Button size="small" startIcon={<DownloadIcon />} onClick={click} disabled={busy}>
      {translate(label)}
    </Button>
  );
  return title ? (
    <Tooltip title={translate(title)} describeChild>
      {button}
    </Tooltip>
  ) : button;
};

/** The register as far as the user may see it (the API decides), as CSV that imports again, or JSON. */
export const AccountExportButtons = () => (
  <>
    <ExportButton path="/api/export/accounts.csv" label="ggsm.exporting.csv" fileName="ggsm-accounts.csv" title="ggsm.exporting.accounts" />
    <ExportButton path="/api/export/accounts.json" label="ggsm.exporting.json" fileName="ggsm-accounts.json" title="ggsm.exporting.accounts" />
  </>
);

/** The audit trail of the period in the list's from/to filter, as CSV for the archivist (AUDITOR, ADMIN). */
export const AuditCsvButton = () => {
  const { filterValues } = useListContext();
  const query = new URLSearchParams();
  if (filterValues.from) query.set('from', String(filterValues.from));
  if (filterValues.to) query.set('to', String(filterValues.to));
  return <ExportButton path={`/api/export/audit.csv?${query}`} label="ggsm.exporting.audit_csv" fileName="ggsm-audit.csv" title="ggsm.exporting.audit_hint" />;
};
