import { Edit } from 'react-admin';
import { AccountForm } from './account-form';

// Pessimistic: the API checks the version (optimistic locking) and the handle; wait for its verdict.
export const AccountEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <AccountForm />
  </Edit>
);
