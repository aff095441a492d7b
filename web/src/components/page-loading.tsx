import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner for a page or a lazily loaded chunk that is on its way. */
export function PageLoading({ fullScreen = true }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: fullScreen ? '100vh' : 240 }}
      role="status"
      aria-live="polite"
    >
      <Spin description={t('app.loading')} />
    </Flex>
  );
}
