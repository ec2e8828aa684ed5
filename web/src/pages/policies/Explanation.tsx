import { Tag, Tree } from 'antd';
import type { ExplainNodeView } from '../../../../src/common/schemas/policies.js';

const KIND: Record<string, string> = { and: '全部满足', or: '满足其一', not: '不满足', ref: '引用规则' };

function toTree(n: ExplainNodeView, key: string): { key: string; title: React.ReactNode; children?: ReturnType<typeof toTree>[] } {
  const mark = <Tag color={n.pass ? 'green' : 'red'}>{n.pass ? '✓ 满足' : '✗ 不满足'}</Tag>;
  if (n.kind !== 'cond') {
    return {
      key,
      title: (
        <span>
          {mark} {n.label ?? KIND[n.kind]}
        </span>
      ),
      children: (n.children ?? []).map((c, k) => toTree(c, `${key}.${k}`)),
    };
  }
  return {
    key,
    title: (
      <span data-testid="condition" aria-label={`条件 ${n.text} ${n.pass ? '满足' : '不满足'}`}>
        {mark}
        <code>{n.text}</code> — {n.label}：实际 <b>{n.actual}</b>，要求 {n.expected}
        <span style={{ color: '#999' }}>（第 {n.line} 行第 {n.column} 列）</span>
      </span>
    ),
  };
}

/** The explanation of a rule for one enterprise: every condition with its value and pass/fail. */
export function Explanation({ node }: { node: ExplainNodeView }) {
  const tree = toTree(node, 'r');
  const keys: string[] = [];
  const walk = (t: ReturnType<typeof toTree>) => {
    keys.push(t.key);
    t.children?.forEach(walk);
  };
  walk(tree);
  return <Tree treeData={[tree]} defaultExpandedKeys={keys} selectable={false} showLine blockNode />;
}
