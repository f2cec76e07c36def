/**
 * Hearings (听证, seed 002 三(二)): for a major or difficult case the office schedules a hearing with its
 * participants and the departments invited to answer, then records the questions, the findings and the outcome.
 * Every step is written on the case's timeline through {@code CaseService}.
 */
package cn.yousu.hearing;
