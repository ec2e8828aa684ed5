import { Descriptions, Grid, Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactElement, ReactNode } from 'react';

export interface ResponsiveTableProps<T> extends TableProps<T> {
  /**
   * What stays a column on a phone: the first N columns (default 2), or the columns with these
   * keys (or dataIndex). Every other column moves into the row's expanded detail.
   */
  phoneColumns?: number | string[];
}

const keyOf = (c: ColumnType<Row>): string | undefined => {
  if (c.key !== undefined) return String(c.key);
  const di = c.dataIndex;
  return di === undefined ? undefined : Array.isArray(di) ? di.join('.') : String(di);
};

function cellOf(c: ColumnType<Row>, record: Row, index: number): ReactNode {
  const di = c.dataIndex;
  const path = di === undefined ? [] : Array.isArray(di) ? di : [di];
  const step = (v: unknown, k: unknown) => (v === null || v === undefined ? v : (v as Record<string, unknown>)[String(k)]);
  const value = path.reduce<unknown>(step, record);
  const shown = c.render ? c.render(value, record, index) : value;
  return shown as ReactNode;
}

/** A tree (rows with `children`) as one flat list, parents before their children: a phone has no room for indents. */
function flatten(rows: readonly Row[] | undefined, childrenKey: string): Row[] {
  return (rows ?? []).flatMap((r) => {
    const kids = r[childrenKey] as Row[] | undefined;
    if (!kids?.length) return [r];
    const parent = Object.assign({}, r);
    delete parent[childrenKey];
    return [parent, ...flatten(kids, childrenKey)];
  });
}

type Row = Record<string, unknown>;

function ResponsiveTableImpl(allProps: ResponsiveTableProps<Row>) {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is undefined: treat it as a desktop.
  const phone = screens.md === false;
  if (!phone) return <Table<Row> {...allProps} />;

  const phoneColumns = allProps.phoneColumns ?? 2;
  const columns = (allProps.columns ?? []) as ColumnType<Row>[];
  const keep = (c: ColumnType<Row>, i: number) =>
    typeof phoneColumns === 'number' ? i < phoneColumns : phoneColumns.includes(keyOf(c) ?? '');
  // A phone has no room for fixed widths or sticky columns, and cut-off text would hide the figures.
  const shown = columns.filter(keep).map((c): ColumnType<Row> => ({ ...c, width: undefined, fixed: undefined, ellipsis: false }));
  const hidden = columns.filter((c, i) => !keep(c, i));
  const childrenKey = allProps.expandable?.childrenColumnName ?? 'children';
  const expandable: TableProps<Row>['expandable'] = hidden.length
    ? {
        expandedRowRender: (record, index) => (
          <Descriptions size="small" column={1} colon={false} labelStyle={{ width: 112, color: 'rgba(0,0,0,0.55)' }}>
            {hidden.map((c, i) => (
              <Descriptions.Item key={(keyOf(c) ?? String(i)) as Key} label={typeof c.title === 'function' ? null : c.title}>
                {cellOf(c, record, index)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        ),
        columnWidth: 32,
      }
    : undefined;
  const dataSource = flatten(allProps.dataSource, childrenKey);
  const tableProps: TableProps<Row> = Object.assign({}, allProps, { dataSource, columns: shown, scroll: undefined, expandable });
  delete (tableProps as { phoneColumns?: unknown }).phoneColumns;
  // Its own key: the desktop table's expanded rows (a tree opened by default) must not carry over.
  return <Table<Row> key="phone" {...tableProps} />;
}

/**
 * An antd Table that is usable at 390 px: on a phone it keeps a few key columns and shows the
 * others as a label–value list when the row is expanded, so no page scrolls sideways and no
 * figure is lost. On a tablet or desktop it is the plain Table.
 */
export const ResponsiveTable = ResponsiveTableImpl as unknown as <T extends object>(props: ResponsiveTableProps<T>) => ReactElement;
