import { Alert, App, Form, Input, Select } from 'antd';
import { LIMITS } from '../../../../src/common/limits.js';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../../src/common/roles.js';
import { client } from '../../api/client.js';
import type { UnitView } from '../../components/UnitSelect.js';
import { FormModal } from '../../components/FormModal.js';
import { UnitSelect } from '../../components/UnitSelect.js';
import { useI18n } from '../../i18n.js';
import { PLEASE_CHOOSE } from '../../components/format.js';

interface UnitFormValues {
  name: string;
  kind: UnitKind;
  parentId?: number | null;
  divisionCode?: string;
  aliases: string[];
}

/** Adds a unit (`unit` null) or edits/renames one; a rename keeps the old name as an alias (server side). */
export function UnitFormModal({
  unit,
  units,
  onClose,
  onSaved,
}: {
  unit: UnitView | null;
  units: UnitView[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitFormValues>();
  const kind = Form.useWatch('kind', form);
  const city = units.find((u) => u.kind === 'city' && u.status === 'active');

  const save = async (v: UnitFormValues) => {
    const body = {
      name: v.name,
      kind: v.kind,
      parentId: v.kind === 'city' ? null : (v.parentId ?? null),
      divisionCode: v.divisionCode?.trim() || null,
      aliases: v.aliases ?? [],
    };
    if (unit)
      await client.PATCH('/api/v1/units/{id}', { params: { path: { id: String(unit.id) } }, body: { version: unit.version, ...body } });
    else await client.POST('/api/v1/units', { body });
    message.success(t('common.saved'));
    onSaved();
  };

  return (
    <FormModal<UnitFormValues>
      form={form}
      title={unit ? `${t('units.edit')}：${unit.name}` : t('units.new')}
      onSubmit={save}
      onCancel={onClose}
      initialValues={
        unit
          ? { name: unit.name, kind: unit.kind, parentId: unit.parentId, divisionCode: unit.divisionCode ?? '', aliases: unit.aliases }
          : { kind: 'department', parentId: city?.id, aliases: [] }
      }
    >
      <Form.Item label={t('units.name')} name="name" rules={[{ required: true, whitespace: true, max: LIMITS.unitName.max }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('units.kind')} name="kind" rules={[{ required: true }]}>
        <Select placeholder={pick(PLEASE_CHOOSE)} options={UNIT_KINDS.map((k) => ({ value: k, label: pick(UNIT_KIND_LABELS[k]) }))} />
      </Form.Item>
      {kind !== 'city' && (
        <Form.Item label={t('units.parent')} name="parentId" rules={[{ required: true }]}>
          <UnitSelect units={units.filter((u) => u.id !== unit?.id)} />
        </Form.Item>
      )}
      <Form.Item label={t('units.divisionCode')} name="divisionCode" rules={[{ pattern: /^\d{6}$/, message: '6 位数字 / 6 digits' }]}>
        <Input inputMode="numeric" maxLength={6} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label={t('units.aliases')} name="aliases" extra={t('units.aliasesHint')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} maxCount={LIMITS.aliasesPerUnit} />
      </Form.Item>
    </FormModal>
  );
}

/** Merges a unit into another: its users and names move over, it stays as retired history. */
export function MergeUnitModal({
  unit,
  units,
  onClose,
  onMerged,
}: {
  unit: UnitView;
  units: UnitView[];
  onClose: () => void;
  onMerged: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ intoUnitId: number }>();

  const merge = async (v: { intoUnitId: number }) => {
    await client.POST('/api/v1/units/{id}/merge', {
      params: { path: { id: String(unit.id) } },
      body: { intoUnitId: v.intoUnitId, version: unit.version },
    });
    message.success(t('units.merged'));
    onMerged();
  };

  return (
    <FormModal
      form={form}
      title={`${t('units.merge')}：${unit.name}`}
      okText={t('units.merge')}
      danger
      intro={<Alert type="warning" showIcon message={t('units.mergeHint', { name: unit.name })} style={{ marginBottom: 16 }} />}
      onSubmit={merge}
      onCancel={onClose}
    >
      <Form.Item label={t('units.mergeInto')} name="intoUnitId" rules={[{ required: true }]}>
        <UnitSelect units={units.filter((u) => u.id !== unit.id && u.kind !== 'city')} />
      </Form.Item>
    </FormModal>
  );
}
