/**
 * Deadlines that enforce themselves (issue 4): the deadline watch (yellow and red warnings recorded once on the
 * timeline), the automatic supervision chain (overdue → 督办单, unanswered notice → report to leaders) and the
 * monthly 回头看 sampling of closed cases.
 */
package cn.yousu.supervision;
