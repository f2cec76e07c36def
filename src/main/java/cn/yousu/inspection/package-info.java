/**
 * Inspections (督察, seed 000 营商环境督察实施方案, DESIGN §10): inspection tasks by region and theme, findings with
 * rectification deadlines on the working-day calendar, follow-up until the office verifies each rectification, the
 * inspection ledger (督察工作台账) and the publication of results.
 */
package cn.yousu.inspection;
