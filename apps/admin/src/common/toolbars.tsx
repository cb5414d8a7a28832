import { SaveButton, Toolbar, type ToolbarProps } from 'react-admin';

/** Save only: nothing in ggsm is ever deleted (Archiefwet), so forms carry no delete button. */
export const SaveOnlyToolbar = (props: ToolbarProps) => (
  <Toolbar {...props}>
    <SaveButton />
  </Toolbar>
);
