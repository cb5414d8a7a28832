import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A heading inside a form or show layout, from a translation key. */
export const SectionTitle = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2, mb: 1, fontWeight: 600 }}>
      {translate(label)}
    </Typography>
  );
};
