import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api/client.js';
import { useI18n } from '../i18n.js';

/**
 * Shows an API failure: messages whose `details[].path` names a field of `form` appear under that
 * field; the coded message and any other details appear in a notification.
 */
export function useReportError() {
  const { notification } = App.useApp();
  const { lang } = useI18n();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (!(err instanceof ApiError)) {
        notification.error({ message: err instanceof Error ? err.message : String(err) });
        return;
      }
      const leftOver = err.otherDetails(lang);
      const fields = err.fieldErrors(lang);
      if (form) {
        const known = new Set(Object.keys(form.getFieldsValue()));
        const onForm = [...fields].filter(([name]) => known.has(name));
        form.setFields(onForm.map(([name, errors]) => ({ name, errors })));
        for (const [name, msgs] of fields) if (!known.has(name)) leftOver.push(...msgs.map((m) => `${name}: ${m}`));
      } else {
        for (const [name, msgs] of fields) leftOver.push(...msgs.map((m) => `${name}: ${m}`));
      }
      notification.error({
        message: err.text(lang),
        description: leftOver.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {leftOver.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : undefined,
      });
    },
    [notification, lang],
  );
}

const PAST_DEADLINE = {
  title: { zh: '完成时限早于今天', en: 'The deadline is before today' },
  body: {
    zh: '完成时限 {date} 已过，保存后该事项立即计为逾期，并从“到期提醒”开始督办。确认保存吗？',
    en: 'The deadline {date} has passed: the item counts as overdue at once and supervision starts with a reminder. Save it?',
  },
  ok: { zh: '确认保存', en: 'Save anyway' },
};

/**
 * Saving an item (or a meeting's decisions) with a deadline in the past: the server, which knows
 * today's date in China, refuses it once (DEADLINE_IN_PAST); the user is asked and, on yes, the
 * same request goes again with the confirmation. Nothing is saved silently.
 */
export function useConfirmPastDeadline() {
  const { modal } = App.useApp();
  const { lang } = useI18n();
  const pick = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);
  return useCallback(
    async (send: (confirmPastDeadline: boolean) => Promise<void>, dates: string[], onError: (err: unknown) => void): Promise<void> => {
      try {
        await send(false);
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'DEADLINE_IN_PAST')) return onError(err);
        modal.confirm({
          title: pick(PAST_DEADLINE.title),
          content: pick(PAST_DEADLINE.body).replace('{date}', dates.join(lang === 'en' ? ', ' : '、')),
          okText: pick(PAST_DEADLINE.ok),
          onOk: () => send(true).catch(onError),
        });
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pick only reads lang
    [modal, lang],
  );
}
