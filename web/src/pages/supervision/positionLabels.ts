/** Labels of the unit's own red/black-list position (my-unit page). */
export const POSITION_LABELS = {
  title: { zh: '本单位红黑榜位置', en: 'My unit on the red/black list' },
  none: {
    zh: '暂无本单位的周督查排名：每周一生成快照后在此显示。',
    en: 'No weekly ranking of your unit yet: it appears here once the Monday snapshot is taken.',
  },
  week: { zh: '周次', en: 'Week of' },
  rank: { zh: '排名', en: 'Rank' },
  rankOf: { zh: '第 {rank} 名（共 {total} 个单位）', en: '{rank} of {total} units' },
  unranked: { zh: '本周无牵头事项，未参与排名', en: 'No lead items this week, not ranked' },
  score: { zh: '得分', en: 'Score' },
  board: { zh: '榜单', en: 'List' },
  red: { zh: '红榜', en: 'Red list' },
  black: { zh: '黑榜', en: 'Black list' },
  neither: { zh: '未上榜', en: 'On neither list' },
  change: { zh: '较上周', en: 'Since last week' },
  up: { zh: '上升 {n} 名', en: 'up {n}' },
  down: { zh: '下降 {n} 名', en: 'down {n}' },
  same: { zh: '名次不变', en: 'same rank' },
  scoreChange: { zh: '得分 {sign}{n}', en: 'score {sign}{n}' },
  weekly: { zh: '查看周督查', en: 'Open weekly supervision' },
};
