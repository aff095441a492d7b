import { useMutation } from '@tanstack/react-query';
import { App, Modal } from 'antd';
import { api, unwrap } from '../../../../app/api.ts';
import { useTexts } from '../../../../app/texts.ts';
import type { Department, DepartmentCreate } from '../models.ts';
import { texts } from '../texts.ts';
import { DepartmentForm } from './department-form.tsx';
import { useRefreshDepartments } from './use-departments.ts';

type Props = {
  open: boolean;
  /** The new department's parent; null = top level. */
  parentId: string | null;
  onClose: () => void;
  onCreated: (created: Department) => void;
};

/** "New department" (top level or under a chosen parent). */
export function DepartmentCreateModal({ open, parentId, onClose, onCreated }: Props) {
  const t = useTexts(texts);
  const { message } = App.useApp();
  const refresh = useRefreshDepartments();
  const create = useMutation({
    mutationFn: (body: DepartmentCreate) => unwrap(api.POST('/api/departments', { body })),
  });
  return (
    <Modal
      open={open}
      title={t.departments.createTitle}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <DepartmentForm
        parentId={parentId}
        submitLabel={t.departments.create}
        onCancel={onClose}
        onSubmit={async (body) => {
          const created = await create.mutateAsync(body);
          void message.success(t.departments.createdMsg(created.name));
          await refresh();
          onCreated(created);
        }}
      />
    </Modal>
  );
}
