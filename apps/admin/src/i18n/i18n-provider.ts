import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en';
import { nl } from './nl';

export const DEFAULT_LOCALE = 'nl';

const messages = { nl, en };

// Dutch first: the console speaks the municipality's language; English for colleagues who need it.
export const i18nProvider = polyglotI18nProvider(
  locale => (locale === 'en' ? messages.en : messages.nl),
  DEFAULT_LOCALE,
  [
    { locale: 'nl', name: 'Nederlands' },
    { locale: 'en', name: 'English' },
  ],
);
