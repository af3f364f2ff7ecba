/** The view's legend: each mark drawn as the view draws it, with what it stands for. */
import type { LegendGroup, LegendItem } from '../../core/model';
import { t } from '../../i18n';
import { useViewOptions } from '../viewOptions';

/** The legend's type size at text scale 1, in CSS pixels; it grows with the canvas text (presenter mode). */
const LEGEND_PX = 12;

const CROSS = '0,3 3,0 6,3 9,0 12,3 9,6 12,9 9,12 6,9 3,12 0,9 3,6';

function Mark({ item }: { item: LegendItem }) {
  const { mark, color } = item;
  // As large as the text beside it, whatever its size.
  return (
    <svg width="1.15em" height="1.15em" viewBox="-1 -1 14 14" aria-hidden="true" opacity={item.faint ? 0.3 : 1}>
      {mark === 'circle' && <circle cx="6" cy="6" r="4.5" fill={color} />}
      {mark === 'ring' && <circle cx="6" cy="6" r="4.5" fill="none" stroke={color} strokeWidth="2" />}
      {mark === 'square' && <rect x="1" y="1" width="10" height="10" fill={color} />}
      {mark === 'cross' && <polygon points={CROSS} fill={color} stroke="#222" strokeWidth="0.8" />}
      {mark === 'arrow' && <polygon points="0,1 12,6 0,11 3,6" fill={color} />}
    </svg>
  );
}

export function ViewLegend({ legend }: { legend: readonly LegendGroup[] }) {
  const { arrangement, textScale } = useViewOptions();
  return (
    <details className="view-legend" open style={{ fontSize: LEGEND_PX * textScale }}>
      <summary>{t('view.legend')}</summary>
      {legend
        .filter((group) => !group.arrangement || group.arrangement === arrangement)
        .map((group) => (
          <div className="legend-group" key={group.title}>
            <span className="legend-title">{group.title}</span>
            {group.items.length > 0 && (
              <ul>
                {group.items.map((item) => (
                  <li key={`${item.mark}-${item.text}`} data-item={item.text}>
                    <Mark item={item} />
                    {item.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
    </details>
  );
}
