import type { Handlers } from '../../api/context.js';
import type { statisticsContract } from './contract.js';
import { exportReportPdf, exportStatistics, getDashboard, getStatisticsSettings, previewExport, updateStatisticsSettings } from './service.js';

export const statisticsHandlers: Handlers<typeof statisticsContract> = {
  'statistics.dashboard': (input, { session }) => getDashboard(session, input),
  'statistics.settings': (_input, { session }) => getStatisticsSettings(session),
  'statistics.updateSettings': (input, { session }) => updateStatisticsSettings(session, input),
  'statistics.exportPreview': (input, { session }) => previewExport(session, input),
  'statistics.export': (input, { session }) => exportStatistics(session, input.period, input.format),
  'statistics.reportPdf': (input, { core, session }) => exportReportPdf(core, session, input),
};
