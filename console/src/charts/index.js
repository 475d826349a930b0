// Pages use <EChart> through this async wrapper: ECharts, vue-echarts and the map land in their own chunk.
import { defineAsyncComponent } from 'vue'

export const EChart = defineAsyncComponent(() => import('./EChart.vue'))

/** The province's city outlines (GeoJSON features) for pages that need the names without the chart. */
export const jiangxiFeatures = () => import('../assets/map/jiangxi.json').then((m) => m.default.features)
