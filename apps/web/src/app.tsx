import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';

export function App() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route path="*" element={<main>{t('common.appName')}</main>} />
    </Routes>
  );
}
