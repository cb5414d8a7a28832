import { Alert, Button, Chip, CircularProgress, FormControlLabel, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useMayAccess } from '../common/permissions';
import type { DomainLookalike, GgsmDataProvider } from '../providers/data-provider';

const LIMIT = 300;
/** The most deliberate variants come first (other extensions, added words); the rest on request. */
const FIRST = 50;

interface DomainClaim {
  id: string;
  kind: string;
  normalized: string;
  valueUnicode: string;
  orgUnitId: string;
}

/**
 * The domains a typosquatter could register to pass for this one (the API's `domainLookalikes`, no
 * network), with which we hold already, and "defensief claimen": a DEFENSIVE claim of the variant for
 * the same unit. Only offered to those who may create claims; the API decides anyway.
 */
export const LookalikesPanel = () => {
  const record = useRecordContext<DomainClaim>();
  const dataProvider = useDataProvider<GgsmDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const mayClaim = useMayAccess('ClaimedUrl', 'create');
  const [variants, setVariants] = useState<DomainLookalike[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const domain = record?.normalized;

  useEffect(() => {
    if (!domain) return;
    let live = true;
    setVariants(null);
    setError(null);
    dataProvider
      .domainLookalikes(domain, LIMIT)
      .then(v => live && setVariants(v))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [dataProvider, domain]);

  if (!record) return null;

  const claim = async (v: DomainLookalike) => {
    setBusy(v.domain);
    try {
      await dataProvider.create('ClaimedUrl', { data: { value: v.domain, kind: 'DOMAIN', orgUnitId: record.orgUnitId, purpose: 'DEFENSIVE' } });
      setVariants(current => current?.map(x => (x.domain === v.domain ? { ...x, claimed: true } : x)) ?? null);
      notify('resources.ClaimedUrl.lookalikes.claimed_done', { type: 'success', messageArgs: { domain: v.unicode } });
    } catch (e) {
      const message = (e as Error).message;
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setBusy(null);
    }
  };

  const open = (variants ?? []).filter(v => !onlyOpen || !v.claimed);
  const shown = all ? open : open.slice(0, FIRST);
  const held = (variants ?? []).filter(v => v.claimed).length;
  return (
    <Stack spacing={2} data-testid="lookalikes-panel">
      <Typography variant="body2" color="text.secondary">
        {translate('resources.ClaimedUrl.lookalikes.intro', { domain: record.valueUnicode })}
      </Typography>
      {error ? <Alert severity="error">{error}</Alert> : null}
      {variants === null && !error ? <CircularProgress size={24} /> : null}
      {variants ? (
        <>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography variant="body2" data-testid="lookalikes-count">
              {translate('resources.ClaimedUrl.lookalikes.count', { smart_count: variants.length, held })}
            </Typography>
            <FormControlLabel
              control={<Switch size="small" checked={onlyOpen} onChange={e => setOnlyOpen(e.target.checked)} />}
              label={translate('resources.ClaimedUrl.lookalikes.only_open')}
            />
          </Stack>
          {variants.length === 0 ? <Alert severity="info">{translate('resources.ClaimedUrl.lookalikes.empty')}</Alert> : null}
          <Table size="small" aria-label={translate('resources.ClaimedUrl.lookalikes.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.ClaimedUrl.lookalikes.domain')}</TableCell>
                <TableCell>{translate('resources.ClaimedUrl.lookalikes.fuzzer')}</TableCell>
                <TableCell>{translate('resources.ClaimedUrl.lookalikes.state')}</TableCell>
                {mayClaim ? <TableCell /> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map(v => (
                <TableRow key={v.domain} data-domain={v.domain} data-claimed={v.claimed ? 'true' : 'false'}>
                  <TableCell sx={{ fontFamily: 'monospace' }} title={v.unicode !== v.domain ? v.domain : undefined}>
                    {v.unicode}
                  </TableCell>
                  <TableCell>{translate(`resources.ClaimedUrl.lookalikes.fuzzers.${v.fuzzer}`, { _: v.fuzzer })}</TableCell>
                  <TableCell>
                    {v.claimed ? (
                      <Chip size="small" color="success" label={translate('resources.ClaimedUrl.lookalikes.claimed')} />
                    ) : (
                      <Chip size="small" variant="outlined" label={translate('resources.ClaimedUrl.lookalikes.not_claimed')} />
                    )}
                  </TableCell>
                  {mayClaim ? (
                    <TableCell align="right">
                      {v.claimed ? null : (
                        <Button size="small" variant="outlined" disabled={busy !== null} onClick={() => claim(v)} data-testid="claim-defensively">
                          {translate('resources.ClaimedUrl.lookalikes.claim')}
                        </Button>
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {shown.length < open.length ? (
            <Button sx={{ alignSelf: 'flex-start' }} onClick={() => setAll(true)} data-testid="lookalikes-all">
              {translate('resources.ClaimedUrl.lookalikes.show_all', { smart_count: open.length })}
            </Button>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
};
