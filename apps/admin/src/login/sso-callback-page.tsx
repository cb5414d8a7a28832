import { useEffect, useRef } from 'react';
import { Loading, useLocation, useLogin, useNavigate } from 'react-admin';

/**
 * react-admin's /auth-callback route. The API's /auth/sso/callback sends the browser here as
 * `/#/auth-callback?sso=<access token>`: the token is in the URL fragment, so it never reaches a
 * server log or a Referer. It is taken out of the address bar at once, then stored like a password
 * login's (the auth provider asks `me` whose it is).
 */
export const SsoCallbackPage = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const login = useLogin();
  // Effects may run twice (React's StrictMode); the token is used once.
  const token = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    if (token.current !== undefined) return;
    token.current = new URLSearchParams(location.search).get('sso');
    navigate('/auth-callback', { replace: true });
    if (!token.current) {
      navigate('/login', { replace: true });
      return;
    }
    login({ ssoToken: token.current }, '/').catch(() => navigate('/login?sso_error=failed', { replace: true }));
  }, [location.search, login, navigate]);

  return <Loading loadingPrimary="ggsm.sso.signing_in" loadingSecondary="ra.message.loading" />;
};
