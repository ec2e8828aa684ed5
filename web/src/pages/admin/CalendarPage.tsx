import { DeleteOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Grid, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CalendarDayView, CalendarYearView } from '../../../../src/common/schemas/calendar.js';
import { $api, client } from '../../api/client.js';
import { useReportError } from '../../components/feedback.js';
import { useI18n } from '../../i18n.js';
import { DayModal, ImportModal } from './CalendarForms.js';
import { adminLabels, DAY_TYPE, fill } from './labels.js';

type Day = CalendarYearView['days'][number];
const WEEKDAYS = { zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'], en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] };

/** 工作日历: a year's holidays and swapped working days, official and added; the admin keeps it up to date. */
export default function CalendarPage() {
  const { pick, lang } = useI18n();
  const { message } = App.useApp();
  const report = useReportError();
  const thisYear = dayjs().year();
  // A phone folds the weekday into the date and the source into the name.
  const isPhone = Grid.useBreakpoint().md === false;
  const weekday = (date: string) => WEEKDAYS[lang === 'en' ? 'en' : 'zh'][dayjs(date).day()];
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState<{ day?: CalendarDayView }>();
  const [importing, setImporting] = useState(false);
  const { data } = $api.useQuery('get', '/api/v1/calendar', { params: { query: { year } } });
  const added = new Map((data?.added ?? []).map((d) => [d.date, d]));
  const years = Array.from({ length: Math.max(thisYear + 2, year) - 2024 + 1 }, (_, i) => 2024 + i);

  const remove = async (d: CalendarDayView) => {
    try {
      await client.DELETE('/api/v1/calendar/days/{id}', { params: { path: { id: String(d.id) } } });
      message.success(pick(adminLabels.saved));
    } catch (err) {
      report(err);
    }
  };
  const saved = () => {
    setEditing(undefined);
    setImporting(false);
  };
  const count = (type: Day['type']) => data?.days.filter((d) => d.type === type).length ?? 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {pick(adminLabels.calendar)}
      </Typography.Title>
      <Space wrap>
        <Select
          aria-label={pick(adminLabels.year)}
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          {pick(adminLabels.addDay)}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {pick(adminLabels.importFile)}
        </Button>
        {data && (
          <Typography.Text type="secondary">
            {fill(pick(adminLabels.holidays), { n: count('holiday') })} · {fill(pick(adminLabels.workdays), { n: count('workday') })}
          </Typography.Text>
        )}
      </Space>
      {data && !data.covered && <Alert type="warning" showIcon message={fill(pick(adminLabels.notCovered), { year })} />}
      <Table<Day>
        rowKey="date"
        size="small"
        loading={!data}
        dataSource={data?.days}
        pagination={false}
        scroll={isPhone ? undefined : { x: 640 }}
        columns={[
          {
            title: pick(adminLabels.date),
            dataIndex: 'date',
            width: isPhone ? 96 : 110,
            render: (date: string) =>
              isPhone ? (
                <>
                  {date}
                  <div>{weekday(date)}</div>
                </>
              ) : (
                date
              ),
          },
          { title: pick(adminLabels.weekday), key: 'weekday', width: 70, responsive: ['md'], render: (_: unknown, d) => weekday(d.date) },
          {
            title: pick(adminLabels.kind),
            dataIndex: 'type',
            width: isPhone ? 90 : 120,
            render: (t: Day['type']) => <Tag color={t === 'holiday' ? 'green' : 'orange'}>{pick(DAY_TYPE[t])}</Tag>,
          },
          {
            title: pick(adminLabels.name),
            dataIndex: 'name',
            render: (name: string, d) =>
              isPhone && d.source === 'added' ? (
                <>
                  {name} <Tag color="blue">{pick(adminLabels.added)}</Tag>
                </>
              ) : (
                name
              ),
          },
          {
            title: pick(adminLabels.source),
            dataIndex: 'source',
            width: 160,
            responsive: ['md'],
            render: (s: Day['source']) => (
              <Tag color={s === 'added' ? 'blue' : 'default'}>{pick(s === 'added' ? adminLabels.added : adminLabels.official)}</Tag>
            ),
          },
          {
            title: pick({ zh: '操作', en: 'Actions' }),
            key: 'actions',
            width: isPhone ? 72 : 100,
            render: (_: unknown, d) => {
              const own = added.get(d.date);
              return own ? (
                <Space size={0}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={`${pick(adminLabels.editDay)} ${d.date}`}
                    onClick={() => setEditing({ day: own })}
                  />
                  <Popconfirm title={pick(adminLabels.deleteConfirm)} onConfirm={() => remove(own)}>
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${pick({ zh: '删除', en: 'Delete' })} ${d.date}`}
                    />
                  </Popconfirm>
                </Space>
              ) : null;
            },
          },
        ]}
      />
      {editing && <DayModal day={editing.day} onClose={() => setEditing(undefined)} onSaved={saved} />}
      {importing && <ImportModal onClose={() => setImporting(false)} onImported={saved} />}
    </Space>
  );
}
