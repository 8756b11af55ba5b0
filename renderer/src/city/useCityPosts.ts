import { useCallback, useEffect, useState } from 'react';
import type { CityPostInfo } from '../../../shared/contract/city';
import { useConnection, useConnectionState } from '../net/useConnection';

/** On the city server: every post, and creating one (which gives its one-time enrolment code). */
export function useCityPosts() {
  const conn = useConnection();
  const { hello } = useConnectionState();
  const [posts, setPosts] = useState<CityPostInfo[]>();
  const refresh = useCallback(() => void conn.send('city:posts', {}).then((r) => r.ok && setPosts(r.value)), [conn]);

  useEffect(() => {
    if (hello?.city) refresh();
  }, [hello, refresh]);

  const create = useCallback(
    async (name: string) => {
      const r = await conn.send('city:createPost', { name });
      refresh();
      return r;
    },
    [conn, refresh],
  );
  return { posts, create, refresh };
}
