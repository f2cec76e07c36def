/**
 * Regions (属地), their business-environment offices and the government units that answer complaints,
 * with each unit's published complaint phone and contact person (Huanren's contact table).
 */
package cn.yousu.organization;
