import { useEffect, useRef, useState } from 'react';
// Types only: the library itself arrives through the lazy import below.
import type { ComposeOption, EChartsCoreOption, EChartsType } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

/**
 * The option of a chart drawn by <Chart>: bar and line series on a grid, with legend and tooltip (what the
 * pages draw; another kind must be registered in ./echarts.ts too, and weighs on the chart chunk).
 */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** What a click on a bar, point or slice reports (e.g. to drill down to the unit under it). */
export interface ChartClick {
  name: string;
  dataIndex: number;
  seriesIndex: number;
  value: unknown;
}

export interface ChartProps {
  option: ChartOption;
  /** Accessible name of the drawing (role="img"); say what it shows, e.g. "Dự án theo nội dung hoạt động". */
  ariaLabel: string;
  /** CSS height; the width follows the container. Default 320 px. */
  height?: number | string;
  onClick?: (click: ChartClick) => void;
  className?: string;
}

/** The app's series colours, in order; also for legends and tiles drawn outside a chart. */
export const CHART_COLORS = [
  '#0b5cad',
  '#b0151c',
  '#1f7a3f',
  '#c47f00',
  '#6b3fa0',
  '#00838f',
  '#8d6e63',
  '#52606d',
];

const BASE: EChartsCoreOption = {
  color: CHART_COLORS,
  textStyle: { fontFamily: "'Noto Sans', 'Be Vietnam Pro', 'Segoe UI', Roboto, system-ui, sans-serif" },
  tooltip: { confine: true },
};

let library: Promise<typeof import('./echarts')> | null = null;

/** After the next paint: the figures around a chart reach the screen before the chart library is evaluated. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * An Apache ECharts drawing that loads the chart library on first use (its own chunk), follows the size of
 * its container and redraws when `option` changes. The option replaces the previous one (no merge), so pass
 * a complete option each time; keep it memoised to avoid needless redraws.
 */
export function Chart({ option, ariaLabel, height = 320, onClick, className }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);
  const [failed, setFailed] = useState(false);
  const clickHandler = useRef(onClick);
  clickHandler.current = onClick;

  useEffect(() => {
    let disposed = false;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    library ??= afterPaint().then(() => import('./echarts'));
    library.then(
      ({ init }) => {
        if (disposed || !element.current) return;
        instance = init(element.current, undefined, { renderer: 'svg' });
        instance.on('click', (params) => {
          const { name, dataIndex, seriesIndex, value } = params as ChartClick;
          clickHandler.current?.({ name, dataIndex, seriesIndex, value });
        });
        observer = new ResizeObserver(() => instance?.resize());
        observer.observe(element.current);
        setChart(instance);
      },
      () => {
        library = null;
        if (!disposed) setFailed(true);
      },
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption({ ...BASE, ...option }, { notMerge: true });
  }, [chart, option]);

  return (
    <div
      ref={element}
      className={className ? `chart ${className}` : 'chart'}
      role="img"
      aria-label={ariaLabel}
      aria-busy={!chart && !failed}
      data-chart-ready={chart ? 'true' : 'false'}
      style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }}
    >
      {failed && <p className="error">Không tải được biểu đồ / Chart failed to load</p>}
    </div>
  );
}
