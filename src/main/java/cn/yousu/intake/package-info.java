/**
 * How complaints come in: registration by staff for every channel, the public portal's submission and tracking
 * endpoints, input checks (credit code, phone) and the screening that suggests missing conditions, probable
 * duplicates, a category and a responsible unit.
 */
package cn.yousu.intake;
