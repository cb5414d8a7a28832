import { Create } from 'react-admin';
import { AccountForm } from './account-form';

const defaults = { legacy: false, purposes: ['SEND'], languages: ['nl'], backupOwnerIds: [] };

export const AccountCreate = () => (
  <Create redirect="show">
    <AccountForm defaultValues={defaults} />
  </Create>
);
