import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../api.js';
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
