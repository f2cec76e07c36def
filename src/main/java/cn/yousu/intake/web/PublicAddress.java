package cn.yousu.intake.web;

import cn.yousu.shared.web.QrCodes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where the portal can be reached from outside: {@code yousu.web.public-url} when set (behind a proxy), else the
 * address the page was requested at. QR codes on posters and receipts point there.
 */
@Component
class PublicAddress {

    private final String configured;

    PublicAddress(@Value("${yousu.web.public-url:}") String configured) {
        this.configured = configured == null ? "" : configured.replaceAll("/+$", "");
    }

    String base(HttpServletRequest request) {
        if (!configured.isBlank()) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }

    /** A QR code (inline SVG) that opens {@code path} of the portal. */
    String qr(HttpServletRequest request, String path, String label) {
        return QrCodes.svg(base(request) + path, label);
    }
}
