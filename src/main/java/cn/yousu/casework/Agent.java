package cn.yousu.casework;

/** Someone complaining on the complainant's behalf; needs a power of attorney (Dalian art. 13). */
public record Agent(String name, String phone, String powerOfAttorneyAttachmentId) {
}
