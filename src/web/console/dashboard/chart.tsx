import { useEffect, useRef } from 'react';
import { init, type ChartOption } from './echarts.js';

interface Props {
  option: ChartOption;
  /** What the chart shows, read by screen readers in place of the drawing. */
  label: string;
  height?: number;
}

/** One ECharts chart drawn as SVG; the drawing is one image to assistive technology. */
export function Chart({ option, label, height = 280 }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'svg' });
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);

  return <div ref={box} role="img" aria-label={label} className="chart" style={{ height }} />;
}
