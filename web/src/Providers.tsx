import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
// `antd/es/locale/*`, not `antd/locale/*`: under Vite 8 with "type": "module" the latter silently
// resolves to an empty CJS default and the tables stay English (see shared/STACK.md).
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useEffect } from 'react';
import { queryClient, reportQueryErrorsTo } from './api/client.js';
import { useReportError } from './components/feedback.js';
import { useI18n } from './i18n.js';

const FONT =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

function ReportQueryErrors() {
  const report = useReportError();
  useEffect(() => reportQueryErrorsTo(report), [report]);
  return null;
}

/** antd theme and locale (pagination, date pickers, empty states) follow the interface language; server data is cached once. */
export function Providers({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      // No space inside two-character labels ("保 存"): screen readers and tests read the real word.
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1d4ed8', fontFamily: FONT } }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <ReportQueryErrors />
          {children}
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
