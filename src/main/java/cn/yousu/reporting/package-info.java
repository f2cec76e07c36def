/**
 * Reporting (DESIGN §8): the indicators with their exact definitions per region, unit, category, channel and period,
 * the monthly county ranking and the unit evaluation, the ledger (工作台账) export, the official forms
 * (交办单, 承办单, 督办单) as .docx, hot topics and the dashboard. It reads a narrow read model
 * ({@code report_case}, {@code report_visit}) kept in step with casework's {@code CaseActivity} events.
 */
package cn.yousu.reporting;
