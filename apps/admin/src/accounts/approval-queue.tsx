import FactCheckIcon from '@mui/icons-material/FactCheck';
import GavelIcon from '@mui/icons-material/Gavel';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Typography } from '@mui/material';
import { Role } from '@ggsm/domain';
import { DataTable, DateField, List, Menu, ReferenceField, TextField, usePermissions, useTranslate } from 'react-admin';
import { EnumField } from '../common/enums';
import { hasRole, mayImport, seesLegalQueue } from '../common/permissions';
import { LEGAL_QUEUE_PATH } from '../impersonation/report-list';
import { IMPORT_PATH } from '../import-export/import-page';
import { ReadinessChip } from './lifecycle-buttons';

export const APPROVAL_QUEUE_PATH = '/approvals';

const Empty = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Typography color="text.secondary">{translate('ggsm.queue.empty')}</Typography>
    </Box>
  );
};

/** The accounts awaiting Communications' judgement (status SUBMITTED), least recently changed first. */
export const ApprovalQueue = () => (
  <List
    resource="SocialAccount"
    filter={{ status: 'SUBMITTED' }}
    sort={{ field: 'updatedAt', order: 'ASC' }}
    perPage={25}
    title="ggsm.queue.title"
    disableSyncWithLocation
    storeKey="SocialAccount.approvalQueue"
    empty={<Empty />}
    actions={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="platformId">
        <ReferenceField source="platformId" reference="Platform" link={false} />
      </DataTable.Col>
      <DataTable.Col source="handle">
        <TextField source="handle" sx={{ fontFamily: 'monospace' }} />
      </DataTable.Col>
      <DataTable.Col source="displayName" />
      <DataTable.Col source="orgUnitId" disableSort>
        <ReferenceField source="orgUnitId" reference="OrgUnit" link={false}>
          <TextField source="path" />
        </ReferenceField>
      </DataTable.Col>
      <DataTable.Col source="requestedAt" disableSort>
        <DateField source="requestedAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="approvalProblems" label="ggsm.queue.readiness" disableSort>
        <ReadinessChip />
      </DataTable.Col>
    </DataTable>
  </List>
);

/** The resources, plus "Goedkeuren" for Communications (who approves). */
export const GgsmMenu = () => {
  const { permissions } = usePermissions();
  return (
    <Menu>
      <Menu.ResourceItems />
      {hasRole(permissions, Role.COMMUNICATIONS) ? (
        <Menu.Item to={APPROVAL_QUEUE_PATH} primaryText="ggsm.queue.menu" leftIcon={<FactCheckIcon />} />
      ) : null}
      {seesLegalQueue(permissions) ? (
        <Menu.Item to={LEGAL_QUEUE_PATH} primaryText="ggsm.impersonation.legal_queue.menu" leftIcon={<GavelIcon />} />
      ) : null}
      {mayImport(permissions) ? <Menu.Item to={IMPORT_PATH} primaryText="ggsm.importing.menu" leftIcon={<UploadFileIcon />} /> : null}
    </Menu>
  );
};
