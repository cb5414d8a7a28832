import { useEffect, useMemo } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { cleanHandleInput, parseHandleInput, profileUrl, validateHandle } from '@ggsm/domain';
import { required, TextInput, useLocaleState, useTranslate, type Validator } from 'react-admin';

/**
 * The handle with the platform's own syntax rules checked while typing: the same `validateHandle`
 * the API runs, so the console shows the verdict the API will give. Every violation is listed, in
 * the current locale; a valid handle shows its normalised form and profile URL instead.
 */
export const HandleInput = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { trigger, getFieldState } = useFormContext();
  const platformId = useWatch({ name: 'platformId' }) as string | undefined;
  const legacy = useWatch({ name: 'legacy' }) as boolean | undefined;
  const handle = useWatch({ name: 'handle' }) as string | undefined;

  const validate = useMemo<Validator[]>(
    () => [
      required(),
      (value: unknown, values: { platformId?: string; legacy?: boolean }) => {
        if (typeof value !== 'string' || value.trim() === '' || !values.platformId) return undefined;
        const violations = validateHandle(values.platformId, value, { legacy: !!values.legacy });
        if (violations.length === 0) return undefined;
        return violations.map(v => (locale === 'en' ? v.message.en : v.message.nl)).join('\n');
      },
    ],
    [locale],
  );

  // The verdict depends on the platform and the legacy flag too, and its text on the locale.
  useEffect(() => {
    if (handle || getFieldState('handle').isTouched) void trigger('handle');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [platformId, legacy, locale]);

  const preview = useMemo(() => {
    if (!platformId) return translate('resources.SocialAccount.helpers.handle_choose_platform');
    if (!handle || validateHandle(platformId, handle, { legacy: !!legacy }).length > 0) return '';
    return translate('resources.SocialAccount.helpers.handle_preview', {
      handle: parseHandleInput(platformId, handle)?.handle ?? cleanHandleInput(handle),
      url: profileUrl(platformId, handle),
    });
  }, [platformId, handle, legacy, translate]);

  return (
    <TextInput
      source="handle"
      validate={validate}
      helperText={<span>{preview}</span>}
      autoComplete="off"
      spellCheck={false}
      sx={{ '& .MuiFormHelperText-root': { whiteSpace: 'pre-line' } }}
    />
  );
};
