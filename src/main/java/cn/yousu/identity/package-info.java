/**
 * Staff accounts, roles and sign-in: bearer tokens for the API, the security configuration, the demo accounts
 * and the one-time creation of the first administrator.
 */
package cn.yousu.identity;
