import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatLocal, localDateKey } from '../../../shared/domain/time';
import { useConnectionState } from '../net/useConnection';
import { useLinkState } from './useLinkState';
import { useNow } from '../booth/escorts/useNow';
import './city.css';

/** The booth header's word on the city link: 已同步 / 待上传 N 条 / 离线 · 自 … ; nothing before enrolment. */
export function LinkStatusTag() {
  const { t } = useTranslation();
  const { state } = useLinkState();
  const timeZone = useConnectionState().hello?.timeZone ?? 'Asia/Shanghai';
  const now = useNow(0, 60_000);
  if (!state?.enrolled) return null;
  // 10:12 today, 12-07 10:12 before: the header has room for little.
  const since =
    state.offlineSince === null
      ? ''
      : localDateKey(state.offlineSince, timeZone) === localDateKey(now, timeZone)
        ? formatLocal(state.offlineSince, timeZone).slice(11)
        : formatLocal(state.offlineSince, timeZone).slice(5);
  const [color, text] =
    state.status === 'offline'
      ? [
          'red',
          state.pending
            ? t('city.link.offlinePending', { since, count: state.pending })
            : t('city.link.offline', { since }),
        ]
      : state.status === 'refused'
        ? ['red', t('city.link.refused')]
        : state.pending > 0
          ? ['gold', t('city.link.pending', { count: state.pending })]
          : ['green', t('city.link.synced')];
  return (
    <Tooltip title={state.message ?? `${state.postName} → ${state.cityUrl}`}>
      <Tag color={color} data-testid="link-status" role="status" className="link-status">
        {text}
      </Tag>
    </Tooltip>
  );
}
