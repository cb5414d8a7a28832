import { Alert, Box, Chip, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import { compareHandles, handleDiff, handleUnits, type HandleDiffSegment } from '@ggsm/domain';
import { useMemo } from 'react';
import { useGetOne, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { ImpersonationReportRecord } from './report-fields';

/** Characters that show nothing (zero-width, soft hyphen, odd spaces): written as their code point so a reader sees them. */
const INVISIBLE = /[\u00a0\u00ad\u115f\u1160\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\u3164\ufeff]/gu;

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

export const visible = (text: string): string => text.replace(INVISIBLE, ch => `⟨${codePoint(ch)}⟩`);

/** The code points of the characters a reader cannot tell apart from plain letters (Cyrillic а, full-width A…). */
const unusual = (text: string): string =>
  [...text]
    .filter(ch => (ch.codePointAt(0) ?? 0) > 0x7e)
    .map(ch => `${visible(ch)} ${codePoint(ch)}`)
    .join(', ');

const mono = { fontFamily: 'monospace', fontSize: '1.25rem', lineHeight: 1.6 } as const;

/**
 * One cell of a row. Differences carry colour and a mark that needs no colour: added characters are
 * underlined (<ins>), removed ones struck through (<del>), changed ones underlined with a wavy line and
 * outlined (<mark>); each says in words what it is.
 */
const Piece = ({ segment, side }: { segment: HandleDiffSegment; side: 'official' | 'suspect' }) => {
  const translate = useTranslate();
  const text = side === 'official' ? segment.official : segment.suspect;
  if (segment.kind === 'same') return <span>{visible(text)}</span>;
  if (text === '') return null;
  const odd = unusual(text);
  const common = {
    'data-testid': 'diff-segment',
    'data-kind': segment.kind,
    'data-side': side,
    title: odd ? translate('ggsm.impersonation.compare.code_points', { chars: odd }) : undefined,
  };
  if (segment.kind === 'added') {
    return (
      <Box
        component="ins"
        {...common}
        aria-label={translate('ggsm.impersonation.compare.aria.added', { text: visible(text) })}
        sx={{ bgcolor: '#d7f5dd', color: '#0b3d17', textDecoration: 'underline', textDecorationThickness: '2px', textUnderlineOffset: '4px' }}
      >
        {visible(text)}
      </Box>
    );
  }
  if (segment.kind === 'removed') {
    return (
      <Box
        component="del"
        {...common}
        aria-label={translate('ggsm.impersonation.compare.aria.removed', { text: visible(text) })}
        sx={{ bgcolor: '#fde0e0', color: '#5c0b0b', textDecoration: 'line-through', textDecorationThickness: '2px' }}
      >
        {visible(text)}
      </Box>
    );
  }
  const label = segment.transposed
    ? translate('ggsm.impersonation.compare.aria.transposed', { text: visible(segment.suspect), was: visible(segment.official) })
    : translate('ggsm.impersonation.compare.aria.changed', { text: visible(segment.suspect), was: visible(segment.official) });
  return (
    <Box
      component="mark"
      {...common}
      data-transposed={segment.transposed ? 'true' : undefined}
      aria-label={label}
      sx={{
        bgcolor: '#ffe9a8',
        color: '#3d2a00',
        outline: '1px dashed #8a6500',
        textDecoration: 'underline wavy',
        textDecorationThickness: '1px',
        textUnderlineOffset: '5px',
      }}
    >
      {visible(text)}
    </Box>
  );
};

const Row = ({ segments, side, label, handle }: { segments: HandleDiffSegment[]; side: 'official' | 'suspect'; label: string; handle: string }) => (
  <Box component="tr" data-testid={`compare-${side}`} data-handle={handle}>
    <Box component="th" scope="row" sx={{ textAlign: 'left', pr: 2, fontWeight: 500, color: 'text.secondary', whiteSpace: 'nowrap', verticalAlign: 'middle' }}>
      {label}
    </Box>
    <Box component="td" sx={{ ...mono, p: 0 }} aria-hidden="true">
      @
    </Box>
    {/* One column per segment, so the two handles stay aligned where one has characters the other lacks. */}
    {segments.map((segment, i) => (
      <Box component="td" key={i} sx={{ ...mono, p: 0, whiteSpace: 'pre' }}>
        <Piece segment={segment} side={side} />
      </Box>
    ))}
  </Box>
);

const Legend = () => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }} aria-hidden="true">
      <Typography variant="caption">
        <Box component="mark" sx={{ bgcolor: '#ffe9a8', outline: '1px dashed #8a6500', textDecoration: 'underline wavy', px: 0.5 }}>
          abc
        </Box>{' '}
        {translate('ggsm.impersonation.compare.legend.changed')}
      </Typography>
      <Typography variant="caption">
        <Box component="ins" sx={{ bgcolor: '#d7f5dd', textDecoration: 'underline', px: 0.5 }}>
          abc
        </Box>{' '}
        {translate('ggsm.impersonation.compare.legend.added')}
      </Typography>
      <Typography variant="caption">
        <Box component="del" sx={{ bgcolor: '#fde0e0', px: 0.5 }}>
          abc
        </Box>{' '}
        {translate('ggsm.impersonation.compare.legend.removed')}
      </Typography>
    </Stack>
  );
};

/**
 * The official handle above the suspect one, aligned character by character (the domain library's
 * handleDiff), with the lookalike engine's reasons in words: the same engine the API uses at intake.
 */
export const HandleComparison = () => {
  const record = useRecordContext<ImpersonationReportRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const accountId = record?.imitatedAccountId ?? record?.suggestedAccountId ?? null;
  const { data: account, isPending, error } = useGetOne<{ id: string; handle: string; platformId: string }>(
    'SocialAccount',
    { id: accountId ?? '' },
    { enabled: !!accountId },
  );
  const suspect = record?.suspectHandle ?? '';
  const official = account?.handle ?? '';
  const segments = useMemo(() => (official ? handleDiff(official, suspect) : []), [official, suspect]);
  const comparison = useMemo(() => (official ? compareHandles(suspect, official) : null), [official, suspect]);
  if (!record) return null;

  let body;
  if (!accountId) body = <Alert severity="info">{translate('ggsm.impersonation.compare.no_account')}</Alert>;
  else if (error) body = <Alert severity="warning">{translate('ggsm.impersonation.compare.account_hidden')}</Alert>;
  else if (isPending || !account) body = <Typography color="text.secondary">…</Typography>;
  else {
    // Characters that differ: a swap is two, "rn" for "m" is two.
    const differences = segments.reduce(
      (n, s) => (s.kind === 'same' ? n : n + Math.max(handleUnits(s.official).length, handleUnits(s.suspect).length)),
      0,
    );
    body = (
      <>
        <Box component="table" sx={{ borderCollapse: 'collapse' }} aria-describedby="compare-summary">
          <tbody>
            <Row
              segments={segments}
              side="official"
              handle={official}
              label={translate(record.imitatedAccountId ? 'ggsm.impersonation.compare.official' : 'ggsm.impersonation.compare.official_suggested')}
            />
            <Row segments={segments} side="suspect" handle={suspect} label={translate('ggsm.impersonation.compare.suspect')} />
          </tbody>
        </Box>
        <Typography id="compare-summary" variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {differences === 0
            ? translate('ggsm.impersonation.compare.identical')
            : translate('ggsm.impersonation.compare.differences', { smart_count: differences })}
        </Typography>
        <Legend />
        <Box sx={{ mt: 2 }} data-testid="compare-reasons">
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="subtitle2">{translate('ggsm.impersonation.compare.reasons')}</Typography>
            {comparison ? (
              <Chip size="small" variant="outlined" label={translate('ggsm.impersonation.compare.score', { score: Math.round(comparison.score * 100) })} data-testid="compare-score" />
            ) : null}
          </Stack>
          {comparison ? (
            <List dense disablePadding>
              {comparison.reasons.map((reason, i) => (
                <ListItem key={`${reason.code}-${i}`} disableGutters sx={{ py: 0 }} data-code={reason.code}>
                  <ListItemText primary={`• ${locale === 'en' ? reason.message.en : reason.message.nl}`} />
                </ListItem>
              ))}
            </List>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {translate('ggsm.impersonation.compare.no_match')}
            </Typography>
          )}
        </Box>
      </>
    );
  }
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }} data-testid="handle-comparison" component="section" aria-labelledby="compare-title">
      <Typography id="compare-title" variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('ggsm.impersonation.compare.title')}
      </Typography>
      {body}
    </Paper>
  );
};
