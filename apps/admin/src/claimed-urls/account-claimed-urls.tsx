import { DataTable, DateField, ReferenceManyField, TextField } from 'react-admin';
import { EnumField } from '../common/enums';
import { ExpiryBadge } from './expiry';

/** On an account: the domains and addresses claimed for it (the API's filter `accountId`). */
export const AccountClaimedUrls = (_props: { label?: string | false }) => (
  <ReferenceManyField reference="ClaimedUrl" target="accountId" sort={{ field: 'normalized', order: 'ASC' }} perPage={50} empty={<span>—</span>}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="valueUnicode" label="resources.ClaimedUrl.fields.valueUnicode">
        <TextField source="valueUnicode" sx={{ fontFamily: 'monospace' }} />
      </DataTable.Col>
      <DataTable.Col source="kind" label="resources.ClaimedUrl.fields.kind">
        <EnumField source="kind" enumName="ClaimedUrlKind" />
      </DataTable.Col>
      <DataTable.Col source="purpose" label="resources.ClaimedUrl.fields.purpose">
        <EnumField source="purpose" enumName="ClaimedUrlPurpose" />
      </DataTable.Col>
      <DataTable.Col source="expiresAt" label="resources.ClaimedUrl.fields.expiresAt">
        <DateField source="expiresAt" emptyText="—" />
      </DataTable.Col>
      <DataTable.Col source="expiryState" label="resources.ClaimedUrl.fields.expiryState" disableSort>
        <ExpiryBadge />
      </DataTable.Col>
      <DataTable.Col source="status" label="resources.ClaimedUrl.fields.status">
        <EnumField source="status" enumName="ClaimedUrlStatus" chip />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);
