import { Typography } from '@mui/material';
import { maxValue, minValue, number, NumberInput, useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';

const wholeMonths = (value: unknown) =>
  value === null || value === undefined || value === '' || Number.isInteger(Number(value)) ? undefined : 'resources.ReviewInterval.helpers.months_whole';

/**
 * The account's own review interval. Empty (null) follows the interval of its kind, which the helper text
 * names for the kind chosen in the form; the API computes the next review from whichever applies.
 */
export const ReviewIntervalInput = () => {
  const translate = useTranslate();
  const kind = useWatch({ name: 'kind' }) as string | undefined;
  const { data } = useGetOne('ReviewInterval', { id: kind ?? '' }, { enabled: !!kind });
  const helperText = data
    ? translate('resources.SocialAccount.helpers.reviewIntervalMonths', { smart_count: data.months })
    : translate('resources.SocialAccount.helpers.reviewIntervalMonths_no_kind');
  return (
    <NumberInput
      source="reviewIntervalMonths"
      min={1}
      max={60}
      step={1}
      validate={[number(), minValue(1), maxValue(60), wholeMonths]}
      helperText={helperText}
    />
  );
};

/** The interval that applies, and whether it is the account's own or its kind's. */
export const ReviewIntervalField = (_props: { label?: string }) => {
  const record = useRecordContext<{ reviewIntervalMonths?: number | null; effectiveReviewIntervalMonths?: number }>();
  const translate = useTranslate();
  if (typeof record?.effectiveReviewIntervalMonths !== 'number') return null;
  const own = record.reviewIntervalMonths !== null && record.reviewIntervalMonths !== undefined;
  return (
    <Typography component="span" variant="body2">
      {translate('resources.SocialAccount.review_interval.months', { smart_count: record.effectiveReviewIntervalMonths })}{' '}
      <Typography component="span" variant="body2" color="text.secondary">
        ({translate(own ? 'resources.SocialAccount.review_interval.own' : 'resources.SocialAccount.review_interval.of_kind')})
      </Typography>
    </Typography>
  );
};
