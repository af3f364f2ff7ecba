/**
 * A plot as a PNG: its title, the chart (axes with their titles) and its legend, drawn at
 * twice the size on screen. Recharts draws the chart as one SVG and the legend as HTML (with
 * a small SVG icon per entry) over space the SVG keeps free, so the picture is put together on a canvas.
 */
import { FONT_STACK as FONT } from './fontStack';

const SCALE = 2;
const TITLE_PX = 14;
const LEGEND_PX = 12;
const PAD = 8;

/** A legend entry where the screen shows it, relative to the chart's top left corner. */
interface LegendEntry {
  readonly text: string;
  readonly color: string;
  readonly x: number;
  readonly y: number;
}

function legendEntries(figure: HTMLElement, chart: DOMRect): LegendEntry[] {
  return [...figure.querySelectorAll<HTMLElement>('.recharts-legend-item-text')].map((text) => {
    const { left, top, height } = text.getBoundingClientRect();
    return {
      text: text.textContent ?? '',
      color: getComputedStyle(text).color,
      x: left - chart.left,
      y: top + height / 2 - chart.top,
    };
  });
}

/** The chart's SVG as an image; fonts set inline, as the page's style sheet does not reach it. */
function chartImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('style', `font-family: ${FONT}; background: #fff`);
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve(image);
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn'));
    };
    image.src = url;
  });
}

/** The figure's chart with `title` above and the legend below, as a PNG at twice the screen size. */
export async function plotImage(figure: HTMLElement, title: string): Promise<Blob> {
  const svg = figure.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
  if (!svg) throw new Error('the plot has no chart yet');
  const image = await chartImage(svg);
  const chart = svg.getBoundingClientRect();
  const { width, height } = chart;
  const chartTop = PAD + TITLE_PX + PAD;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * SCALE);
  canvas.height = Math.ceil((chartTop + height + PAD) * SCALE);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, chartTop + height + PAD);
  ctx.fillStyle = '#1d232b';
  ctx.font = `600 ${TITLE_PX}px ${FONT}`;
  ctx.textBaseline = 'top';
  ctx.fillText(title, PAD, PAD, width - 2 * PAD);
  ctx.drawImage(image, 0, chartTop, width, height);
  // The legend is HTML over the space the chart keeps free for it: drawn where the screen shows it.
  ctx.font = `${LEGEND_PX}px ${FONT}`;
  ctx.textBaseline = 'middle';
  for (const entry of legendEntries(figure, chart)) {
    ctx.fillStyle = entry.color;
    ctx.fillRect(entry.x - 18, chartTop + entry.y - 1.5, 14, 3);
    ctx.fillText(entry.text, entry.x, chartTop + entry.y);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
  );
}
