/**
 * Small shared kernel used by every module: problem details (RFC 9457), the application clock,
 * numbering sequences and JSON helpers. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.yousu.shared;
