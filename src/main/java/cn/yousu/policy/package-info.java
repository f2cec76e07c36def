/**
 * The seeds' rules as settings: the policy in force (time limits, extension cap, anonymity, re-handling,
 * satisfaction levels, sampling, warnings, numbering, ranking weights) with one preset per seed, and the
 * fixed vocabularies the seeds define (acceptance scope, non-acceptance reasons, termination and suspension
 * reasons, the review checklist, satisfaction levels).
 */
package cn.yousu.policy;
