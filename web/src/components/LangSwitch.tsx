import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n.js';

/** One button that names the other language in that language ("English" / "中文"). */
export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      title={t('lang.switch')}
      lang={lang === 'en' ? 'zh-CN' : 'en'}
      onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}
    >
      {t('lang.other')}
    </Button>
  );
}
