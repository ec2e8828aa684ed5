import { App as AntApp, ConfigProvider } from 'antd';
// `antd/es/locale/*`, not `antd/locale/*`: under Vite 8 with "type": "module" the latter silently
// resolves to an empty CJS default and the tables stay English (see shared/STACK.md).
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useI18n } from './i18n.js';

const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif";

/** antd theme and locale (pagination, date pickers, empty states) follow the interface language. */
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
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
