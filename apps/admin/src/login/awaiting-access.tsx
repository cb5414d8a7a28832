import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, useLogout, useTranslate } from 'react-admin';

/**
 * What a user without any role sees instead of the register: a first single sign-on creates the user
 * with no role, and the API refuses everything but `me` until an administrator grants one. Granting a
 * role ends the user's tokens, so logging in again is the way forward.
 */
export const AwaitingAccess = () => {
  const translate = useTranslate();
  const logout = useLogout();
  const { identity } = useGetIdentity();
  return (
    <Box sx={{ maxWidth: 720, mt: 2 }}>
      <Title title={translate('ggsm.awaiting.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('ggsm.awaiting.title')}
          </Typography>
          <Typography gutterBottom>{translate('ggsm.awaiting.body')}</Typography>
          {identity?.email ? (
            <Typography color="text.secondary" gutterBottom>
              {translate('ggsm.awaiting.signed_in_as', { email: String(identity.email) })}
            </Typography>
          ) : null}
          <Typography color="text.secondary" gutterBottom>
            {translate('ggsm.awaiting.next')}
          </Typography>
          <Button variant="contained" sx={{ mt: 1 }} onClick={() => logout()}>
            {translate('ggsm.awaiting.relogin')}
          </Button>
        </CardContent>
      </Card>
    </Box>
  );
};
