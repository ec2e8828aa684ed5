import SQLite from 'better-sqlite3';
const db = new SQLite(process.argv[2]);
const t = (label: string, f: () => unknown) => { const t0 = performance.now(); const r = f(); console.log(label, (performance.now() - t0).toFixed(0), 'ms', Array.isArray(r) ? r.length : r); };
const R = 'where ended_on is null and enterprise_id >= 1 and enterprise_id <= 50000';
for (let k = 0; k < 2; k++) {
t('5 sums', () => db.prepare(`select enterprise_id, sum(case when kind = 'penalty' then 1 else 0 end) a, sum(case when kind = 'abnormal' then 1 else 0 end) b, sum(case when kind = 'dishonest' then 1 else 0 end) c, sum(case when kind = 'inspection' then 1 else 0 end) d, sum(case when kind = 'complaint' then 1 else 0 end) e from enf_credit_record ${R} group by enterprise_id`).all());
t('packed', () => db.prepare(`select enterprise_id, sum(case kind when 'penalty' then 1 when 'abnormal' then 1024 when 'dishonest' then 1048576 when 'inspection' then 1073741824 when 'complaint' then 1099511627776 else 0 end) p, count(*) n from enf_credit_record ${R} group by enterprise_id`).all());
t('pairs', () => db.prepare(`select enterprise_id, kind, count(*) n from enf_credit_record ${R} group by enterprise_id, kind`).all());
t('raw rows', () => db.prepare(`select enterprise_id, kind from enf_credit_record ${R}`).raw(true).all());
t('grades', () => db.prepare('select enterprise_id, grade, score, explanation_json from enf_credit_grade where enterprise_id >= 1 and enterprise_id <= 50000').all());
t('grades no json', () => db.prepare('select enterprise_id, grade, score from enf_credit_grade where enterprise_id >= 1 and enterprise_id <= 50000').all());
t('grades len', () => db.prepare('select enterprise_id, grade, score, length(explanation_json) from enf_credit_grade where enterprise_id >= 1 and enterprise_id <= 50000').all());
}
