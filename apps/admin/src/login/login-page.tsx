import { Alert, Box, Button, Divider } from '@mui/material';
import { useEffect, useState } from 'react';
import { Login, LoginForm, useLocation, useTranslate } from 'react-admin';
import { fetchSsoSettings } from '../providers/auth-provider';
import { ssoErrorCode } from './sso';

/** Why the last single sign-on failed, as the API's callback put it in the address: `#/login?sso_error=<code>`. */
const SsoError = () => {
  const translate = useTranslate();
  const code = ssoErrorCode(new URLSearchParams(useLocation().search).get('sso_error'));
  if (!code) return null;
  return (
    // As wide as the form below it (react-admin's login card is 300px wide, with 1em padding).
    <Alert severity="error" role="alert" sx={{ mx: '1em', mt: '1em', width: 268, boxSizing: 'border-box' }}>
      {translate(`ggsm.sso.errors.${code}`)}
    </Alert>
  );
};

/** "Inloggen met <label>", only when the API says single sign-on is on. A plain link: the API redirects to the provider. */
const SsoButton = () => {
  const translate = useTranslate();
  const [sso, setSso] = useState<{ enabled: boolean; label?: string }>({ enabled: false });
  useEffect(() => {
    let current = true;
    fetchSsoSettings().then((settings) => current && setSso(settings));
    return () => {
      current = false;
    };
  }, []);
  if (!sso.enabled) return null;
  return (
    <Box sx={{ px: '1em', pb: '1em' }}>
      <Divider sx={{ mb: 2 }}>{translate('ggsm.sso.or')}</Divider>
      <Button variant="outlined" fullWidth href="/auth/sso/start" data-testid="sso-login">
        {translate('ggsm.sso.button', { label: sso.label ?? 'SSO' })}
      </Button>
    </Box>
  );
};

/** react-admin's login page: the password form, and single sign-on next to it when configured. */
export const LoginPage = () => (
  <Login>
    <SsoError />
    <LoginForm />
    <SsoButton />
  </Login>
);
