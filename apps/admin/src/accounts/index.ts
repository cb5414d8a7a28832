import AlternateEmailIcon from '@mui/icons-material/AlternateEmail';
import { findPlatform } from '@ggsm/domain';
import { AccountCreate } from './account-create';
import { AccountEdit } from './account-edit';
import { AccountList } from './account-list';
import { AccountShow } from './account-show';

interface AccountLabel {
  platformId?: string;
  handle?: string;
}

export default {
  list: AccountList,
  show: AccountShow,
  edit: AccountEdit,
  create: AccountCreate,
  icon: AlternateEmailIcon,
  recordRepresentation: (record: AccountLabel) => {
    const platform = record.platformId ? (findPlatform(record.platformId)?.name ?? record.platformId) : '';
    return `@${record.handle ?? ''}${platform ? ` (${platform})` : ''}`;
  },
};
