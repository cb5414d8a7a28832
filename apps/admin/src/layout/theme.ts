import { defaultTheme, type RaThemeOptions } from 'react-admin';

// Gemeente Groningen's red as the primary colour, on react-admin's default theme.
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    ...defaultTheme.palette,
    primary: { main: '#c8102e' },
    secondary: { main: '#4a4a4a' },
  },
};
