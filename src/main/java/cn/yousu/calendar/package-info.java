/**
 * The official working-day calendar (工作日): State Council holidays and make-up working days, deadlines
 * counted on it, and time limits expressed in hours, days or working days.
 */
package cn.yousu.calendar;
