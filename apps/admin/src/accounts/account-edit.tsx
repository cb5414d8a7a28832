import { Edit } from 'react-admin';
import { useVersionConflictHandling } from '../common/version-conflict';
import { AccountForm } from './account-form';

// Pessimistic: the API checks the version (optimistic locking) and the handle; wait for its verdict.
export const AccountEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useVersionConflictHandling()}>
    <AccountForm />
  </Edit>
);
