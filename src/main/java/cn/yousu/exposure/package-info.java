/**
 * The exposure board (曝光台, seed 002): the office writes up a typical case, anonymised (no names, phones, credit
 * codes, identity numbers, e-mail addresses, nor anything the office marks), a reviewer approves it, and the portal
 * lists it.
 */
package cn.yousu.exposure;
