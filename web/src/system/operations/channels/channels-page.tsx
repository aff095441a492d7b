import { Tabs, Typography } from 'antd';
import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useTexts } from '../../../app/texts.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { useFocusableScroll } from '../../../components/list/focusable-scroll.ts';
import { texts } from '../texts.ts';
import { ChannelList } from './channel-list.tsx';
import { DeliveryLog } from './delivery-log.tsx';

type Tab = 'channels' | 'deliveries';

/**
 * 通知渠道: the organisation's e-mail lists and group robots, and the log of
 * what they sent. The tab is in the address, so "the delivery log, failed
 * only" can be bookmarked or sent to a colleague.
 */
export default function ChannelsPage() {
  const t = useTexts(texts);
  const [search, setSearch] = useSearchParams();
  const root = useRef<HTMLElement>(null);
  useFocusableScroll(root);
  const tab: Tab = search.get('tab') === 'deliveries' ? 'deliveries' : 'channels';

  // Switching tabs starts the other tab afresh: the delivery filters do not apply to channels.
  const choose = (key: string) =>
    setSearch(key === 'deliveries' ? { tab: 'deliveries' } : {}, { replace: true });

  return (
    <>
      <section ref={root}>
        <PageTitle>{t.channels.title}</PageTitle>
        <Typography.Paragraph type="secondary">{t.channels.intro}</Typography.Paragraph>
        <Tabs
          activeKey={tab}
          onChange={choose}
          destroyOnHidden
          items={[
            { key: 'channels', label: t.channels.tabChannels, children: <ChannelList /> },
            { key: 'deliveries', label: t.channels.tabDeliveries, children: <DeliveryLog /> },
          ]}
        />
      </section>
    </>
  );
}
