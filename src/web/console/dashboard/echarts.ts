import * as charts from 'echarts/charts';
import * as components from 'echarts/components';
import * as core from 'echarts/core';
import * as renderers from 'echarts/renderers';
import type {
  BarSeriesOption,
  ComposeOption,
  GridOption,
  LegendComponentOption,
  LineSeriesOption,
  TitleOption,
  TooltipOption,
  init as initType,
  use as useType,
} from 'echarts/types/dist/shared';

/*
 * echarts 5's per-module .d.ts files re-export from extensionless paths, which NodeNext resolution
 * cannot follow, so TypeScript sees those modules as empty. The types come from the bundled
 * declaration file instead; the casts below only name them. Each member is read directly off its
 * module (no aliasing) so the bundler still drops every chart and component not listed here.
 */
type Installer = Exclude<Parameters<typeof useType>[0], readonly unknown[]>;
type Installers<K extends string> = Record<K, Installer>;
type Core = { init: typeof initType; use: typeof useType };

(core as unknown as Core).use([
  (charts as unknown as Installers<'LineChart'>).LineChart,
  (charts as unknown as Installers<'BarChart'>).BarChart,
  (components as unknown as Installers<'GridComponent'>).GridComponent,
  (components as unknown as Installers<'TooltipComponent'>).TooltipComponent,
  (components as unknown as Installers<'LegendComponent'>).LegendComponent,
  (components as unknown as Installers<'TitleComponent'>).TitleComponent,
  (renderers as unknown as Installers<'SVGRenderer'>).SVGRenderer,
]);

export const init: typeof initType = (...args) => (core as unknown as Core).init(...args);

export type ChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridOption | TooltipOption | LegendComponentOption | TitleOption
>;

/** Colours with at least 4.5:1 contrast on white, told apart by more than hue (dashed holdout). */
export const colors = { warned: '#1d4ed8', holdout: '#9a3412', band: 0.15 } as const;
