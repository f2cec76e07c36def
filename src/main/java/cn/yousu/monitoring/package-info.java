/**
 * Monitoring points (营商环境监测点) and citizen supervisors (营商环境监督员), DESIGN §9 and seed 004: the registry
 * with its eligibility rules, the selection flow, certificates and plaques, two-year terms, quotas, dynamic exit,
 * quarterly joint meetings, and the members' own reports, which enter the case pipeline through intake.
 */
package cn.yousu.monitoring;
