/** A live region, not seen, that tells a screen reader when the run is set up, starts, pauses or ends. */
import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import type { FrameMessage } from '../../worker/protocol';
import { latestFrame, subscribeFrames } from '../frameBus';
import { runAnnouncement } from '../runAnnouncement';

export function RunAnnouncer() {
  const [text, setText] = useState('');
  useEffect(() => {
    let before: FrameMessage | null = latestFrame();
    return subscribeFrames((frame) => {
      const said = runAnnouncement(frame, before);
      before = frame;
      if (said) setText(said);
    });
  }, []);
  return (
    <p className="visually-hidden" role="status" aria-label={t('announce.region')}>
      {text}
    </p>
  );
}
