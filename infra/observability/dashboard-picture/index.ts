export { dashboardPage, pageHeight, pageLayout, type PanelSeries } from './dashboard-page';
export { formatValue } from './format-value';
export { asDashboard, drawnPanelTypes, readDashboard, type Dashboard, type Panel } from './grafana-dashboard';
export { legendOf, queryRange, type RangeWindow, type Series } from './prometheus-range';
export { lastMinutes, queryPanels, renderPicture, type PictureRequest } from './render';
export { escapeXml, niceStep } from './svg-chart';
