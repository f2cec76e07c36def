package cn.yousu.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default SMS adapter: no gateway configured, the message goes to the log (phone masked). */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(String phone, String text) {
        String masked = phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
        LOG.info("短信（未配置短信网关，仅记录）→ {}：{}", masked, text);
    }
}
